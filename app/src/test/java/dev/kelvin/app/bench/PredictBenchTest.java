package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.Main;
import dev.kelvin.app.StartupException;
import dev.kelvin.app.models.TestFailureLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kelvin bench predict} with a test-only XGBoost failure loader. The site is small by
 * default; {@code -Dkelvin.bench.predict.nodes=10000} runs it at full size and prints the table.
 */
class PredictBenchTest {
  private static final Instant UNTIL = Instant.parse("2024-06-01T00:00:00Z");
  private static final int NODES = Integer.getInteger("kelvin.bench.predict.nodes", 100);

  @TempDir
  Path dir;

  @Test
  void times_the_whole_predictor_per_tick_and_per_kind_with_a_prediction_for_every_node()
      throws Exception {
    Path model = dir.resolve("failure.model");
    TestFailureLoader.write(model, UNTIL);
    Path json = dir.resolve("predict.json");
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new PredictBenchCommand(
        List.of(new TestFailureLoader()))).setOut(new PrintWriter(out));

    int exit = command.execute("--nodes", String.valueOf(NODES), "--model", model.toString(),
        "--rounds", NODES >= 1_000 ? "100" : "5", "--json", json.toString());

    assertThat(exit).isZero();
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    assertThat(figures.get("nodes").asInt()).isEqualTo(NODES);
    assertThat(figures.get("micros_per_node").asDouble()).isPositive();
    assertThat(figures.get("micros_per_node_p99").asDouble())
        .isGreaterThanOrEqualTo(figures.get("micros_per_node").asDouble());
    assertThat(figures.get("predictions").asInt()).isEqualTo(NODES);
    JsonNode failure = figures.get("kinds").get("failure");
    assertThat(failure.get("version").asText()).startsWith("failure-");
    assertThat(failure.get("predictions").asInt()).isEqualTo(NODES);
    assertThat(failure.get("micros_per_node").asDouble()).isPositive()
        .isLessThanOrEqualTo(figures.get("micros_per_node_p99").asDouble() * 1.5 + 1);
    assertThat(out.toString()).contains("whole tick (ModelPredictor.predict)", "failure-");
  }

  @Test
  void refuses_a_model_of_a_kind_without_a_loader_naming_the_file() {
    Path model = dir.resolve("failure.model");
    TestFailureLoader.write(model, UNTIL);

    assertThatThrownBy(() -> PredictBench.run(PredictWorld.build(50, 3), List.of(),
        List.of(model), 0, 1)).isInstanceOf(StartupException.class)
        .hasMessageContaining(model.toString()).hasMessageContaining("no loader for failure");
  }

  @Test
  void is_a_bench_subcommand_that_serves_the_shipped_models_when_given_none() {
    StringWriter out = new StringWriter();
    CommandLine kelvin = Main.commandLine().setOut(new PrintWriter(out));

    int exit = kelvin.execute("bench", "predict", "--nodes", "50", "--quick");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("load load-").contains("whole tick");
    assertThat(out.toString().lines().filter(line -> line.startsWith("failure failure-")
        || line.startsWith("anomaly anomaly-"))).hasSize(2)
        .allSatisfy(line -> assertThat(line).endsWith(" 50"));
  }
}
