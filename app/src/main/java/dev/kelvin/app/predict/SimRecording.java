package dev.kelvin.app.predict;

import dev.kelvin.core.port.Predictor;
import dev.kelvin.predictor.telemetry.LabelledFailure;
import dev.kelvin.predictor.telemetry.RecordingPredictor;
import dev.kelvin.predictor.telemetry.TelemetryRecorder;
import dev.kelvin.simulator.engine.HappenedFailure;
import dev.kelvin.simulator.scenario.Scenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code kelvin simulate --record-features FILE}: every node's {@code node-failure} features
 * at every control tick of the run, as the served failure model would compute them from the
 * snapshot the loop took, labelled once the run is over with the failures that happened
 * (those planned for a node already down or switched off do not), written as a telemetry file
 * that {@code kelvin train failure} and {@code kelvin train anomaly} read.
 */
public final class SimRecording implements AutoCloseable {
  private final TelemetryRecorder recorder;
  private final Path file;

  private SimRecording(TelemetryRecorder recorder, Path file) {
    this.recorder = recorder;
    this.file = file;
  }

  /**
   * A recording of {@code scenario}'s run into {@code file}.
   *
   * @throws IllegalArgumentException when the scenario has no control loop to record from
   */
  public static SimRecording of(Scenario scenario, Path file) {
    if (!scenario.control().enabled()) {
      throw new IllegalArgumentException("--record-features: features are recorded at the"
          + " control loop's ticks, and scenario " + scenario.name() + " has control.policy:"
          + " none; set it to default");
    }
    if (scenario.telemetry().sampleEvery().isEmpty()) {
      throw new IllegalArgumentException("--record-features: scenario " + scenario.name()
          + " samples no telemetry, so every window holds one reading and no node has"
          + " features; set telemetry.sample_every (1m, say)");
    }
    return new SimRecording(new TelemetryRecorder(file, scenario.name() + " (seed "
        + scenario.seed() + ")"), file);
  }

  /** The run's predictor, recording what it is shown. */
  public Predictor wrap(Predictor predictor) {
    return new RecordingPredictor(recorder, predictor);
  }

  /** Labels the rows with {@code failures}, writes the file and says so on {@code progress}. */
  public void finish(List<HappenedFailure> failures, PrintStream progress) {
    long warned = failures.stream().filter(HappenedFailure::warned).count();
    progress.printf(Locale.ROOT, "labelling %,d rows with %,d failures (%,d with precursors)"
        + "...%n", recorder.rows(), failures.size(), warned);
    recorder.finish(failures.stream()
        .map(failure -> new LabelledFailure(failure.node(), failure.at(), failure.warned()))
        .toList());
    progress.printf(Locale.ROOT, "features recorded in %s%n", file.toAbsolutePath());
  }

  @Override
  public void close() {
    recorder.close();
  }
}
