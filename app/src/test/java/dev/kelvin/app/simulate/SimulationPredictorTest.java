package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kelvin.app.predict.SimRecording;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureExamples;
import dev.kelvin.predictor.failure.FailureTrainer;
import dev.kelvin.predictor.telemetry.SimTelemetrySource;
import dev.kelvin.simulator.engine.Progress;
import dev.kelvin.simulator.engine.SimulationEngine;
import dev.kelvin.simulator.report.Mark;
import dev.kelvin.simulator.report.SimulationResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure model in the simulation's control loop: recorded from one run, trained, then
 * served to another run through {@code control.models}, where the failure-risk rules drain the
 * node before it fails. Skipped when the reference data is absent.
 */
class SimulationPredictorTest {
  private static final String TRACE = "swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz";
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir
  static Path dir;
  static Path dataDir;
  static Path model;

  private static Path scenario(String name, int days, String extra) throws IOException {
    String text = "name: " + name + "\nseed: 3\n"
        + "trace: { file: " + dataDir.resolve(TRACE).toAbsolutePath() + ", start_day: 30,"
        + " days: " + days + ", load_scale: 2 }\n"
        + "sites: [ { name: a, nodes: 48 } ]\n"
        + "telemetry: { sample_every: 1m, window: 10 }\n" + extra;
    return Files.writeString(dir.resolve(name + ".yaml"), text);
  }

  /** Records 48 nodes over 3 days with many failures, all warned, and trains a small model. */
  @BeforeAll
  static void recordAndTrainAFailureModel() throws IOException {
    dataDir = DataFolder.path();
    assumeTrue(Files.isRegularFile(dataDir.resolve(TRACE)), "reference data not present");
    Path file = scenario("record", 3, "control: { interval: 2m, policy: default }\n"
        + "failures: { model: lanl, rate_scale: 100, precursor_share: 1 }\n");
    Path telemetry = dir.resolve("telemetry.csv.gz");
    try (SimRecording recording = SimRecording.of(ScenarioFiles.read(file), telemetry)) {
      new SimulationRuns(QUIET, false).run(ScenarioFiles.read(file),
          RuleParameters.defaults(), dataDir, Optional.of(recording));
    }
    FailureExamples examples = new SimTelemetrySource().examples(telemetry,
        ExampleSettings.defaults(), line -> { });
    model = new FailureTrainer(new FailureTrainer.Settings(5, 6, 50, 3, 100_000, 1),
        line -> { }).train(List.of(examples), Optional.empty(), dir.resolve("failure.zip"))
        .file().path();
  }

  private static SimulationResult run(Path scenario) {
    SimulationPlan plan = SimulationPlan.of(ScenarioFiles.read(scenario), dataDir);
    return new SimulationEngine(plan.setup()).run(Progress.NONE);
  }

  private static Optional<Mark> first(SimulationResult result, String kind, String text) {
    return result.marks().stream().filter(m -> m.kind().equals(kind)
        && m.label().contains(text)).findFirst();
  }

  @Test
  void a_served_failure_model_drains_a_node_ahead_of_its_failure() throws IOException {
    Path scenario = scenario("served", 1, "control: { interval: 2m, policy: default, models: ["
        + model + "] }\n" + "failures: { model: none, precursor_share: 1, scripted: [ { site: a,"
        + " node: 1, at: 20h, repair: 1h } ] }\n");

    SimulationResult result = run(scenario);

    Mark failure = first(result, "failure", "a/n0001 failed").orElseThrow();
    Mark drain = first(result, "action", "a/n0001 drain").orElseThrow(
        () -> new AssertionError("no drain of a/n0001; actions: " + result.marks().stream()
            .filter(m -> m.kind().equals("action") && m.label().contains("a/n0001 "))
            .map(Mark::label).distinct().toList()));
    assertThat(drain.timeS()).isLessThan(failure.timeS())
        .isGreaterThanOrEqualTo(failure.timeS() - 1800);
  }

  @Test
  void without_the_model_the_same_failure_comes_unannounced() throws IOException {
    Path scenario = scenario("unserved", 1, "control: { interval: 2m, policy: default }\n"
        + "failures: { model: none, precursor_share: 1, scripted: [ { site: a, node: 1,"
        + " at: 20h, repair: 1h } ] }\n");

    SimulationResult result = run(scenario);

    assertThat(first(result, "failure", "a/n0001 failed")).isPresent();
    assertThat(first(result, "action", "a/n0001 drain")).isEmpty();
  }

  @Test
  void refuses_a_scenario_whose_model_file_is_not_a_model_naming_it() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
    Path scenario = scenario("junk", 1, "control: { interval: 2m, policy: default, models: ["
        + junk + "] }\n");

    assertThatThrownBy(() -> SimulationPlan.of(ScenarioFiles.read(scenario), dataDir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control.models").hasMessageContaining("junk.zip");
  }
}
