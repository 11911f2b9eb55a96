package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.validation.RejectReason;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a line's timestamp into an instant in the configured precision, and refuses one that
 * lands outside 2001-09-09..2200-01-01: that is a timestamp in another unit (seconds where
 * nanoseconds belong, say), as Kelvin JSON's {@code ts_ms} check also judges.
 */
final class Timestamps {
  /** 2001-09-09T01:46:40Z: an earlier instant is a timestamp in a coarser unit. */
  static final Instant EARLIEST = Instant.ofEpochSecond(1_000_000_000L);
  /** 2200-01-01T00:00:00Z: a later instant is a timestamp in a finer unit. */
  static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private Timestamps() {}

  static Instant toInstant(LineCursor cursor, String token, int column, Precision precision) {
    long value;
    try {
      value = Long.parseLong(token);
    } catch (NumberFormatException notInteger) {
      boolean digits = token.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-');
      throw cursor.failAtColumn(digits ? RejectReason.OUT_OF_RANGE : RejectReason.MALFORMED,
          "timestamp", column, "timestamp " + LineCursor.shown(token) + (digits
              ? " is outside the signed 64-bit range"
              : " is not an integer (line protocol timestamps are whole "
                  + precision.label() + " since the epoch)"));
    }
    Optional<Instant> at = precision.toInstant(value).filter(Timestamps::plausible);
    if (at.isPresent()) {
      return at.get();
    }
    throw cursor.failAtColumn(RejectReason.OUT_OF_RANGE, "timestamp", column, "timestamp "
        + value + " in " + precision.label() + " is " + precision.toInstant(value)
            .map(Instant::toString).orElse("beyond any date")
        + ", outside " + EARLIEST + ".." + LATEST + guess(value, precision));
  }

  private static String guess(long value, Precision configured) {
    for (Precision other : Precision.values()) {
      if (other != configured && other.toInstant(value).filter(Timestamps::plausible)
          .isPresent()) {
        return ": it looks like " + other.label() + "; set the Telegraf codec's precision to "
            + other.label() + " or have the sender write " + configured.label();
      }
    }
    return ": is the sender's clock set?";
  }

  private static boolean plausible(Instant at) {
    return !at.isBefore(EARLIEST) && at.isBefore(LATEST);
  }
}
