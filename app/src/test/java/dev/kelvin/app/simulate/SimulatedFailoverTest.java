package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The disaster-recovery rule through {@code kelvin simulate}, on two sites in virtual time: a
 * cooling failure at site a together with a lost site lease (a network partition that cuts
 * site a off) fails a's jobs over to site b; the alarm alone, or the lost lease alone, does not.
 */
class SimulatedFailoverTest {
  private static final Path DATA = Path.of(System.getProperty("kelvin.data.dir",
      "../shared/data"));
  private static final String COOLING = "{ kind: cooling_failure, site: a, at: 2h,"
      + " duration: 6h }";
  private static final String PARTITION = "{ kind: network_partition, site: a, at: 125m,"
      + " duration: 6h }";

  @TempDir
  Path dir;

  @Test
  void a_cooling_failure_and_a_lost_site_lease_fail_the_site_over_within_the_other_budget()
      throws IOException {
    JsonNode both = run("both", COOLING + ", " + PARTITION);
    JsonNode alarmOnly = run("alarm", COOLING);

    assertThat(both.path("actions").path("failover_site").asInt()).isEqualTo(1);
    assertThat(site(both, "b").path("it_energy_kwh").asDouble())
        .as("site b runs site a's jobs too").isGreaterThan(
            site(alarmOnly, "b").path("it_energy_kwh").asDouble() + 1);
    assertThat(site(both, "b").path("peak_power_kw").asDouble())
        .isLessThanOrEqualTo(site(both, "b").path("budget_kw").asDouble());
  }

  private static JsonNode site(JsonNode report, String name) {
    for (JsonNode site : report.path("sites")) {
      if (site.path("name").asText().equals(name)) {
        return site;
      }
    }
    throw new AssertionError("no site " + name + " in " + report);
  }

  @Test
  void the_alarm_alone_only_warns() throws IOException {
    JsonNode actions = run("alarm", COOLING).path("actions");

    assertThat(actions.has("failover_site")).isFalse();
    assertThat(actions.path("notify").asInt()).isPositive();
  }

  @Test
  void the_lost_lease_alone_triggers_nothing() throws IOException {
    JsonNode actions = run("lease", PARTITION).path("actions");

    assertThat(actions.has("failover_site")).isFalse();
    assertThat(actions.has("notify")).isFalse();
  }

  /** Runs the two-site scenario with {@code events}; its report. */
  private JsonNode run(String name, String events) throws IOException {
    assumeTrue(Files.isDirectory(DATA.resolve("specpower-ssj2008")),
        "reference data not present: " + DATA);
    StringBuilder trace = new StringBuilder("; MaxNodes: 8\n; MaxProcs: 8\n");
    for (int job = 1; job <= 6; job++) {
      trace.append(job).append(" 0 0 36000 2 -1 -1 2 43200 -1 1 1 1 -1 1 -1 -1 -1\n");
    }
    Files.writeString(dir.resolve("jobs.swf"), trace.toString());
    Path scenario = dir.resolve(name + ".yaml");
    Files.writeString(scenario, """
        name: %s
        seed: 5
        trace: { file: jobs.swf }
        sites:
          - { name: a, nodes: 4, power_budget_kw: 4 }
          - { name: b, nodes: 8, power_budget_kw: 20 }
        control: { interval: 1m, policy: default }
        telemetry: { sample_every: 30s, window: 10 }
        power: { full_load_cpu_c: 75 }
        events: [ %s ]
        """.formatted(name, events));
    CommandLine commandLine = Main.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    Path out = dir.resolve("out-" + name);
    int exit = commandLine.execute("simulate", "--scenario", scenario.toString(), "--out",
        out.toString(), "--data", DATA.toString());
    assertThat(exit).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }
}
