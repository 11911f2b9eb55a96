package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioEvent;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scenarios shipped in {@code scenarios/} are accepted as they are. */
class ScenarioExamplesTest {
  private static final Path REPOSITORY = Path.of("..");
  private static final Path SCENARIOS = REPOSITORY.resolve("scenarios");

  /**
   * A working folder whose {@code ../shared/data} holds an empty stand-in for the KTH trace, so
   * that the examples are read whether or not the reference data is present.
   */
  private static Path standInRepository(Path root) throws IOException {
    Path trace = root.resolve("shared/data").resolve(ScenarioFilesTest.KTH_TRACE);
    Files.createDirectories(trace.getParent());
    Files.createFile(trace);
    return Files.createDirectories(root.resolve("repo"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kth-year.yaml", "kth-year-capped.yaml", "two-sites.yaml",
      "two-sites-disasters.yaml"})
  void accepts_an_example_scenario(String name, @TempDir Path root) throws IOException {
    Scenario scenario = ScenarioFiles.read(SCENARIOS.resolve(name), standInRepository(root));

    assertThat(scenario.name() + ".yaml").isEqualTo(name);
    assertThat(scenario.seed()).isEqualTo(7);
    assertThat(scenario.trace().days()).hasValue(365);
    assertThat(scenario.sites()).allSatisfy(site -> assertThat(site.nodes()).isEqualTo(100));
  }

  @Test
  void accepts_the_carbon_deferral_example_with_its_deferrable_share(@TempDir Path root)
      throws IOException {
    Scenario scenario = ScenarioFiles.read(SCENARIOS.resolve("carbon-deferral.yaml"),
        standInRepository(root));

    assertThat(scenario.trace().deferrableShare()).isEqualTo(0.3);
    assertThat(scenario.trace().days()).hasValue(30);
    assertThat(scenario.sites()).singleElement().satisfies(site ->
        assertThat(site.nodes()).isEqualTo(100));
  }

  @Test
  void accepts_the_failure_telemetry_recording_and_the_predictor_run_on_another_seed(
      @TempDir Path root) throws IOException {
    Path working = standInRepository(root);
    Files.createDirectories(working.resolve("simulations"));
    Files.createFile(working.resolve("simulations/failure-telemetry.model"));

    Scenario recording = ScenarioFiles.read(SCENARIOS.resolve("failure-telemetry.yaml"),
        working);
    Scenario served = ScenarioFiles.read(SCENARIOS.resolve("failure-predictor.yaml"), working);

    assertThat(recording.telemetry().sampleEvery()).contains(Duration.ofMinutes(1));
    assertThat(recording.control().models()).isEmpty();
    assertThat(served.control().models()).containsExactly(working
        .resolve("simulations/failure-telemetry.model").toAbsolutePath().toString());
    assertThat(served.seed()).isNotEqualTo(recording.seed());
    assertThat(served.sites()).isEqualTo(recording.sites());
    assertThat(served.trace()).isEqualTo(recording.trace());
    assertThat(served.telemetry()).isEqualTo(recording.telemetry());
  }

  @Test
  void the_capped_year_differs_from_the_year_only_in_its_name_and_budget(@TempDir Path root)
      throws IOException {
    Path working = standInRepository(root);
    Scenario year = ScenarioFiles.read(SCENARIOS.resolve("kth-year.yaml"), working);
    Scenario capped = ScenarioFiles.read(SCENARIOS.resolve("kth-year-capped.yaml"), working);

    assertThat(year.sites()).extracting(ScenarioSite::powerBudgetKw)
        .containsExactly(OptionalDouble.of(40));
    assertThat(capped.sites()).extracting(ScenarioSite::powerBudgetKw)
        .containsExactly(OptionalDouble.of(30));
    assertThat(capped.trace()).isEqualTo(year.trace());
    assertThat(capped.control()).isEqualTo(year.control());
  }

  @Test
  void the_disaster_example_reads_its_events_profile_and_scripted_failure(@TempDir Path root)
      throws IOException {
    Scenario scenario = ScenarioFiles.read(SCENARIOS.resolve("two-sites-disasters.yaml"),
        standInRepository(root));

    assertThat(scenario.events()).extracting(ScenarioEvent::kind).containsExactly(
        ScenarioEvent.Kind.COOLING_FAILURE, ScenarioEvent.Kind.UTILITY_POWER_LOSS,
        ScenarioEvent.Kind.NETWORK_PARTITION, ScenarioEvent.Kind.FIRE);
    assertThat(scenario.sites().get(1).carbonDaily()).hasSize(24);
    assertThat(scenario.sites().get(0).upsRuntime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(scenario.failures().scripted()).hasSize(1);
  }

  @Test
  void the_examples_find_the_reference_trace_from_the_repository_root() throws IOException {
    Path data = REPOSITORY.resolve("../shared/data").toAbsolutePath().normalize();
    Path kth = data.resolve(ScenarioFilesTest.KTH_TRACE);
    assumeTrue(Files.isRegularFile(kth), "reference data not present: " + kth);

    // failure-predictor.yaml also needs the model kelvin train writes from the recording
    try (Stream<Path> examples = Files.list(SCENARIOS)) {
      List<Path> traces = examples.filter(file -> file.toString().endsWith(".yaml")
              && !file.endsWith("failure-predictor.yaml"))
          .map(example -> ScenarioFiles.read(example, REPOSITORY).trace().file()).toList();

      assertThat(traces).hasSize(7).allSatisfy(trace -> {
        assertThat(trace).startsWith(data);
        assertThat(trace).isRegularFile();
      });
      assertThat(traces).filteredOn(kth::equals).hasSize(6);
    }
  }

  @Test
  void the_outcome_scenarios_run_every_rule_on_each_swf_trace_of_the_reference_data()
      throws IOException {
    Path data = REPOSITORY.resolve("../shared/data");
    assumeTrue(Files.isDirectory(data.resolve("swf-ctc-sp2-1996")),
        "reference data not present: " + data);

    try (Stream<Path> outcomes = Files.list(SCENARIOS.resolve("outcomes"))) {
      assertThat(outcomes.toList()).hasSize(4).allSatisfy(file -> {
        Scenario scenario = ScenarioFiles.read(file, REPOSITORY);
        assertThat(scenario.control().policy()).isEqualTo("default");
        assertThat(scenario.power().fullLoadCpuCelsius()).isEqualTo(75);
        assertThat(scenario.trace().file().getFileName().toString()).endsWith(".swf.gz");
      });
    }
  }
}
