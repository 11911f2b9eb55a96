package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kelvin bench agent} runs the agent from the slim artifact that the package phase
 * built (target/agent), against its own embedded broker, and reports real figures. The
 * targets are the bench's to show, not this test's to assert.
 */
class AgentBenchIT {
  @TempDir
  Path scratch;

  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_quick_run_measures_the_agent_process_and_writes_its_figures() throws Exception {
    assumeTrue(ProcStats.available(), "reading a process's figures needs Linux /proc");
    Path file = scratch.resolve("agent.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine kelvin = Main.commandLine();
    kelvin.setOut(new PrintWriter(out, true));
    kelvin.setErr(new PrintWriter(err, true));

    int exitCode = kelvin.execute("bench", "agent", "--quick", "--json", file.toString());

    assertThat(exitCode).as("exit code; stdout %s; stderr %s", out, err).isZero();
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("agent_artifact_bytes").asLong()).isPositive();
    assertThat(json.get("agent_artifact_jars").asInt()).isPositive();
    assertThat(json.get("agent_rss_bytes").asLong()).isPositive();
    assertThat(json.get("agent_rss_peak_bytes").asLong())
        .isGreaterThanOrEqualTo(json.get("agent_rss_bytes").asLong());
    assertThat(json.get("agent_cpu_percent").asDouble()).isNotNegative();
    assertThat(json.get("agent_readings_per_second").asDouble()).isPositive();
    assertThat(json.get("interval_seconds").asDouble()).isEqualTo(1.0);
    assertThat(json.get("measured_seconds").asDouble()).isGreaterThanOrEqualTo(5.0);
    assertThat(json.get("machine").asText()).contains("CPUs");
    assertThat(out.toString()).contains("bench on").contains("agent: resident memory, steady")
        .contains("agent: stop on SIGTERM").contains("exit 0");
  }
}
