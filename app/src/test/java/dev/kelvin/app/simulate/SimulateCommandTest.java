package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kelvin.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kelvin simulate} end to end on a small hand-written trace: the same scenario twice
 * gives the same report.json, --compare writes both runs and the comparison, and bad input
 * stops before the run with nothing written. Runs that need the SPECpower results skip when
 * the reference data is absent.
 */
class SimulateCommandTest {
  private static final Path DATA = Path.of(System.getProperty("kelvin.data.dir",
      "../shared/data"));
  private static final String HEADER = "; MaxNodes: 4\n; MaxProcs: 4\n";

  @TempDir
  Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeTrace() throws IOException {
    Files.writeString(dir.resolve("small.swf"), HEADER
        + "1 0 0 3600 2 -1 -1 2 7200 -1 1 1 1 -1 1 -1 -1 -1\n"
        + "2 60 0 1800 4 -1 -1 4 3600 -1 1 1 1 -1 1 -1 -1 -1\n"
        + "3 120 0 600 1 -1 -1 1 900 -1 1 1 1 -1 1 -1 -1 -1\n"
        + "4 7200 0 5400 3 -1 -1 3 7200 -1 1 1 1 -1 1 -1 -1 -1\n");
  }

  private Path scenario(String extra) throws IOException {
    Path file = dir.resolve("small.yaml");
    Files.writeString(file, """
        name: small
        seed: 3
        trace: { file: small.swf }
        sites:
          - { name: a, nodes: 4, power_budget_kw: 2 }
        control: { interval: 1m, policy: default }
        telemetry: { sample_every: 60s }
        """ + extra);
    return file;
  }

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private static void assumeData() {
    assumeTrue(Files.isDirectory(DATA.resolve("specpower-ssj2008")),
        "reference data not present: " + DATA);
  }

  @Test
  void the_same_scenario_and_seed_give_the_same_report_json_byte_for_byte() throws IOException {
    assumeData();
    Path scenario = scenario("failures: { rate_scale: 50 }\n");

    assertThat(run("simulate", "--scenario", scenario.toString(), "--out",
        dir.resolve("first").toString(), "--data", DATA.toString())).isZero();
    assertThat(run("simulate", "--scenario", scenario.toString(), "--out",
        dir.resolve("second").toString(), "--data", DATA.toString())).isZero();

    byte[] first = Files.readAllBytes(dir.resolve("first/report.json"));
    assertThat(first).isEqualTo(Files.readAllBytes(dir.resolve("second/report.json")));
    assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"jobs_submitted\": 4").contains("\"jobs_completed\": 4");
    assertThat(Files.readString(dir.resolve("first/report.html"))).contains("<svg")
        .doesNotContain("<script");
    assertThat(out.toString()).contains("jobs completed").contains("reports in");
  }

  @Test
  void another_seed_draws_other_failures() throws IOException {
    assumeData();
    Path scenario = scenario("failures: { rate_scale: 100 }\n");

    run("simulate", "--scenario", scenario.toString(), "--out", dir.resolve("s3").toString(),
        "--data", DATA.toString());
    run("simulate", "--scenario", scenario.toString(), "--seed", "4", "--out",
        dir.resolve("s4").toString(), "--data", DATA.toString());

    assertThat(Files.readString(dir.resolve("s4/report.json"))).contains("\"seed\": 4")
        .isNotEqualTo(Files.readString(dir.resolve("s3/report.json")));
  }

  @Test
  void compare_writes_both_runs_and_the_comparison() throws IOException {
    assumeData();

    assertThat(run("simulate", "--scenario", scenario("").toString(), "--compare", "--out",
        dir.resolve("cmp").toString(), "--data", DATA.toString())).isZero();

    assertThat(dir.resolve("cmp/none/report.json")).exists();
    assertThat(dir.resolve("cmp/policy/report.html")).exists();
    assertThat(Files.readString(dir.resolve("cmp/compare.json"))).contains("\"energy_saved_pct\"")
        .contains("\"mean_runtime_stretch_pct\"").contains("\"mean_wait_change_pct\"")
        .contains("\"mean_bounded_slowdown_change_pct\"");
    assertThat(out.toString()).contains("policy none").contains("policy default")
        .contains("energy saved");
  }

  @Test
  void the_carbon_rule_holds_only_the_jobs_the_deferrable_share_marks() throws IOException {
    assumeData();
    String dirtyGrid = "policy: { carbon: { max_deferral: 12h } }\n";
    Path none = scenario(dirtyGrid);
    Files.writeString(none, Files.readString(none).replace("power_budget_kw: 2",
        "power_budget_kw: 2, carbon_g_per_kwh: 600"));
    Path all = dir.resolve("all.yaml");
    Files.writeString(all, Files.readString(none).replace("file: small.swf",
        "file: small.swf, deferrable_share: 1"));

    assertThat(run("simulate", "--scenario", none.toString(), "--out",
        dir.resolve("none").toString(), "--data", DATA.toString())).isZero();
    assertThat(run("simulate", "--scenario", all.toString(), "--out",
        dir.resolve("all").toString(), "--data", DATA.toString())).isZero();

    String unmarked = Files.readString(dir.resolve("none/report.json"));
    String marked = Files.readString(dir.resolve("all/report.json"));
    assertThat(unmarked).doesNotContain("\"hold_job\"").contains("\"jobs_completed\": 4");
    assertThat(marked).contains("\"hold_job\"").contains("\"jobs_completed\": 4");
    assertThat(meanWaitS(marked)).isGreaterThan(meanWaitS(unmarked) + 3600);
  }

  private static double meanWaitS(String reportJson) {
    java.util.regex.Matcher wait = java.util.regex.Pattern
        .compile("\"mean_wait_s\": ([0-9.]+)").matcher(reportJson);
    assertThat(wait.find()).as("mean_wait_s in %s", reportJson).isTrue();
    return Double.parseDouble(wait.group(1));
  }

  @Test
  void an_operator_rules_folder_as_control_policy_runs_with_its_rules() throws IOException {
    assumeData();
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/never.drl"), """
        package dev.kelvin.policy.rules;

        rule "operator-never"
        when
            NodeThermalFact( cpuTempCelsius > 1000 )
        then
        end
        """);
    Path scenario = scenario("").resolveSibling("small.yaml");
    Files.writeString(scenario, Files.readString(scenario).replace("policy: default",
        "policy: rules"));

    assertThat(run("simulate", "--scenario", scenario.toString(), "--out",
        dir.resolve("ops").toString(), "--data", DATA.toString())).isZero();

    assertThat(Files.readString(dir.resolve("ops/report.json")))
        .contains(dir.resolve("rules").toString());
  }

  @Test
  void a_broken_rule_file_in_control_policy_stops_before_the_run_naming_file_and_line()
      throws IOException {
    assumeData();
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/broken.drl"), """
        package dev.kelvin.policy.rules;

        rule "operator-broken"
        when
            NodeThermalFact( cpuTemperature > 90 )
        then
        end
        """);
    Path scenario = scenario("").resolveSibling("small.yaml");
    Files.writeString(scenario, Files.readString(scenario).replace("policy: default",
        "policy: rules"));

    assertThat(run("simulate", "--scenario", scenario.toString(), "--out",
        dir.resolve("bad").toString(), "--data", DATA.toString())).isEqualTo(1);

    assertThat(err.toString()).contains(dir.resolve("rules/broken.drl") + " line 5");
    assertThat(dir.resolve("bad")).doesNotExist();
  }

  @Test
  void a_bad_trace_record_stops_the_run_naming_file_line_and_field_and_writes_nothing()
      throws IOException {
    Files.writeString(dir.resolve("small.swf"), HEADER
        + "1 0 0 3600 2 -1 -1 2 7200 -1 1 1 1 -1 1 -1 -1 -1\n"
        + "2 60 0 lots 4 -1 -1 4 3600 -1 1 1 1 -1 1 -1 -1 -1\n");

    assertThat(run("simulate", "--scenario", scenario("").toString(), "--out",
        dir.resolve("bad").toString(), "--data", DATA.toString())).isEqualTo(1);

    assertThat(err.toString()).contains("small.swf:4").contains("lots");
    assertThat(dir.resolve("bad")).doesNotExist();
  }

  @Test
  void a_bad_scenario_key_stops_before_the_run_and_writes_nothing() throws IOException {
    assertThat(run("simulate", "--scenario", scenario("scheduler: sjf\n").toString(), "--out",
        dir.resolve("bad").toString())).isEqualTo(1);

    assertThat(err.toString()).contains("scheduler").contains("sjf");
    assertThat(dir.resolve("bad")).doesNotExist();
  }
}
