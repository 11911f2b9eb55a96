package dev.kelvin.predictor.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureExamples;
import dev.kelvin.predictor.failure.FailureModel;
import dev.kelvin.predictor.failure.FailureTrainer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecursorRecallTest {
  @TempDir
  Path dir;

  @Test
  void counts_the_failures_with_precursors_apart_from_those_without_warning() {
    Path data = dir.resolve("telemetry.csv.gz");
    List<LabelledFailure> failures = SyntheticTelemetry.write(data, 30, 600, 8, 60, 2);
    FailureExamples examples = new SimTelemetrySource().examples(data,
        ExampleSettings.defaults(), line -> { });
    Instant until = SyntheticTelemetry.tick(450);
    FailureModel model = FailureModel.of(new FailureTrainer(
        new FailureTrainer.Settings(5, 6, 30, 3, 100_000, 1), line -> { })
        .train(List.of(examples), Optional.of(until), dir.resolve("failure.zip")).file());
    // the failures seen whole after the test date, the last horizon of the recording left out
    Instant end = SyntheticTelemetry.tick(599).minus(model.horizon());
    long warned = failures.stream().filter(f -> f.warned() && f.at().isAfter(until)
        && !f.at().minus(model.horizon()).isAfter(end)).count();
    long unwarned = failures.stream().filter(f -> !f.warned() && f.at().isAfter(until)
        && !f.at().minus(model.horizon()).isAfter(end)).count();

    PrecursorRecall recall = PrecursorRecall.of(model, data, until);

    assertThat(recall.warned().events()).isEqualTo(warned).isPositive();
    assertThat(recall.unwarned().events()).isEqualTo(unwarned).isPositive();
    assertThat(recall.warned().recall()).isGreaterThan(0.9);
    assertThat(recall.unwarned().recall()).isLessThan(0.5);
  }
}
