package dev.kelvin.predictor.telemetry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What reading a telemetry file found: its source line, how many rows were read, the bad rows
 * skipped by reason, and the time range of the rows.
 *
 * @param first the first row's tick; null when there was no row
 * @param last the last row's tick; null when there was no row
 */
public record TelemetryReadReport(Path file, String source, long rows,
    Map<String, Long> badRows, Instant first, Instant last) {
  public TelemetryReadReport {
    badRows = Map.copyOf(badRows);
  }

  /** The first tick, when there was a row. */
  public Optional<Instant> from() {
    return Optional.ofNullable(first);
  }

  /** The last tick, when there was a row. */
  public Optional<Instant> until() {
    return Optional.ofNullable(last);
  }
}
