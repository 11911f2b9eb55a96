package dev.kelvin.telemetry.store;

import java.util.Objects;

/** What became of one batch written to InfluxDB. */
public sealed interface WriteOutcome
    permits WriteOutcome.Written, WriteOutcome.BadPoints, WriteOutcome.Failed {

  /** Every point of the batch is stored. */
  record Written() implements WriteOutcome {}

  /**
   * InfluxDB answered 400: it stored what it could and refused {@code refused} points for good
   * (a field type conflict, points beyond the retention policy, a line it cannot parse).
   * Writing the batch again would refuse them again, so the batch is done.
   *
   * @param reason a label for counting, e.g. {@code field_type_conflict}
   * @param message InfluxDB's own words, for the log
   */
  record BadPoints(int refused, String reason, String message) implements WriteOutcome {
    public BadPoints {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      if (refused < 1) {
        throw new IllegalArgumentException("refused must be >= 1 point, was " + refused);
      }
    }
  }

  /**
   * Nothing was stored, and the same batch may be stored later: no connection, a timeout, a
   * 5xx, a login refused, a database or retention policy not (yet) there.
   *
   * @param cause what went wrong, for the log (never a password)
   */
  record Failed(String cause) implements WriteOutcome {
    public Failed {
      Objects.requireNonNull(cause, "cause");
    }
  }
}
