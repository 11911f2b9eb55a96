package dev.kelvin.app.predict;

import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.telemetry.TelemetryFile;
import dev.kelvin.predictor.telemetry.TelemetryReadReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** The default split of a telemetry recording for the anomaly commands. */
final class AnomalyRanges {
  /** Training ends this share of the way through the recording, by time. */
  static final double TRAIN_SHARE = 0.75;

  private AnomalyRanges() {}

  /** Three quarters of the way from the first tick to the last, to the minute. */
  static Instant defaultUntil(Path data, Consumer<String> progress) {
    progress.accept("reading " + data + " for its time range ...");
    TelemetryReadReport report = TelemetryFile.read(data, NodeTelemetryFeatures.FEATURES,
        row -> { });
    Instant first = report.from().orElseThrow(() -> new IllegalArgumentException(data
        + " holds no rows; record a longer run"));
    Duration span = Duration.between(first, report.until().orElseThrow());
    Instant until = first.plus(Duration.ofMillis((long) (span.toMillis() * TRAIN_SHARE)))
        .truncatedTo(ChronoUnit.MINUTES);
    progress.accept("no --until: training on the ticks before " + until);
    return until;
  }
}
