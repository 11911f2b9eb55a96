package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench runs every benchmark on real components and reports a figure for each. */
class BenchCommandTest {
  private static final List<String> BENCHMARKS = List.of("ingest: decode + validate + admit",
      "predictor: forecast a snapshot", "policy: rules decide", "control loop: one tick",
      "control loop: tick, snapshot given", "simulator: history, 1 h at 1 s",
      "predictor: train, 30 min history");

  @TempDir
  Path scratch;

  private final StringWriter out = new StringWriter();

  private CommandLine kelvin() {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    return commandLine;
  }

  @Test
  void a_quick_run_reports_every_benchmark_with_a_figure_and_the_machine() {
    assertThat(kelvin().execute("bench", "--quick", "--nodes", "32")).isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).contains("bench on").contains("CPUs").contains("Java");
    assertThat(lines).filteredOn(line -> line.contains(" 32 nodes "))
        .extracting(line -> line.substring(0, 36).strip())
        .containsExactlyElementsOf(BENCHMARKS);
    assertThat(lines).filteredOn(line -> line.contains(" 32 nodes "))
        .allSatisfy(line -> assertThat(line).containsPattern("[0-9][0-9,.]* (µs|ms|msg/s|reading/s)"));
  }

  @Test
  void json_holds_every_benchmark_with_its_figure_as_text_and_as_numbers() throws Exception {
    Path file = scratch.resolve("figures/bench.json");

    assertThat(kelvin().execute("bench", "--quick", "--nodes", "32", "--json", file.toString()))
        .isZero();

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("machine").asText()).contains("CPUs");
    assertThat(json.get("version").asText()).isNotBlank();
    assertThat(json.get("quick").asBoolean()).isTrue();
    List<JsonNode> results = new ArrayList<>();
    json.get("results").forEach(results::add);
    assertThat(results).extracting(result -> result.get("name").asText())
        .containsExactlyElementsOf(BENCHMARKS);
    assertThat(results).allSatisfy(result -> {
      assertThat(result.get("size").asText()).isEqualTo("32 nodes");
      assertThat(result.get("figure").asText()).isNotBlank();
      assertThat(result.get("rounds").asInt()).isPositive();
      if (result.has("rate_per_second")) {
        assertThat(result.get("rate_per_second").asDouble()).isPositive();
        assertThat(result.get("rate_unit").asText()).isIn("msg", "reading");
      } else {
        assertThat(result.get("median_seconds").asDouble()).isPositive();
        assertThat(result.get("worst_seconds").asDouble())
            .isGreaterThanOrEqualTo(result.get("median_seconds").asDouble());
      }
    });
  }

  @Test
  void bench_agent_without_an_artifact_says_how_to_build_one() {
    StringWriter err = new StringWriter();
    CommandLine kelvin = kelvin();
    kelvin.setErr(new PrintWriter(err, true));

    int exitCode = kelvin.execute("bench", "agent", "--quick", "--artifact",
        scratch.resolve("nowhere").toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).contains("no agent artifact in").contains("./mvnw package");
  }
}
