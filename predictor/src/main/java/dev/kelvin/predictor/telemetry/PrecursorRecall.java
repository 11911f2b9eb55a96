package dev.kelvin.predictor.telemetry;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.eval.LeadTimes;
import dev.kelvin.predictor.failure.FailureModel;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure model's recall and lead times on recorded telemetry, apart for the failures that
 * showed precursors and those that came without warning (which no telemetry can announce):
 * every row at or after {@code testFrom} within the model's horizon before a failure is
 * scored, and a failure is caught when one of them reaches the model's threshold, as in the
 * evaluation's lead times. The last horizon of the recording is left out, as there.
 *
 * @param warned the failures that showed precursors
 * @param unwarned the others
 */
public record PrecursorRecall(LeadTimes warned, LeadTimes unwarned) {

  public static PrecursorRecall of(FailureModel model, Path data, Instant testFrom) {
    Duration horizon = model.horizon();
    double horizonS = horizon.toMillis() / 1000.0;
    List<TelemetryRow> rows = new ArrayList<>();
    TelemetryReadReport report = TelemetryFile.read(data, NodeTelemetryFeatures.FEATURES,
        row -> {
          if (!row.at().isBefore(testFrom) && row.secondsToFailure() < horizonS) {
            rows.add(row);
          }
        });
    Instant end = report.until().orElse(testFrom).minus(horizon);
    rows.removeIf(row -> row.at().isAfter(end));
    double[] scores = model.probabilities(rows.stream().map(TelemetryRow::features).toList());
    LeadTimes.Builder warned = new LeadTimes.Builder();
    LeadTimes.Builder unwarned = new LeadTimes.Builder();
    for (int i = 0; i < scores.length; i++) {
      TelemetryRow row = rows.get(i);
      Failure failure = new Failure(row.node(), row.at().plusMillis(
          Math.round(row.secondsToFailure() * 1000)));
      (row.failureWarned() ? warned : unwarned).add(failure, row.secondsToFailure(),
          scores[i] >= model.threshold());
    }
    return new PrecursorRecall(warned.build(), unwarned.build());
  }

  private record Failure(NodeId node, Instant at) {}
}
