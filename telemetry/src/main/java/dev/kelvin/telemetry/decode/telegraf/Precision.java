package dev.kelvin.telemetry.decode.telegraf;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The unit of line-protocol timestamps. Telegraf's influx serializer writes nanoseconds; an
 * InfluxDB client may write any of these.
 */
public enum Precision {
  NANOSECONDS("ns", 1_000_000_000L),
  MICROSECONDS("us", 1_000_000L),
  MILLISECONDS("ms", 1_000L),
  SECONDS("s", 1L);

  private final String label;
  private final long perSecond;

  Precision(String label, long perSecond) {
    this.label = label;
    this.perSecond = perSecond;
  }

  /** The label in settings and messages: {@code ns}, {@code us}, {@code ms} or {@code s}. */
  public String label() {
    return label;
  }

  /** The precision labelled {@code label}, if any. */
  public static Optional<Precision> fromLabel(String label) {
    for (Precision precision : values()) {
      if (precision.label.equals(label.toLowerCase(Locale.ROOT))) {
        return Optional.of(precision);
      }
    }
    return Optional.empty();
  }

  /** The instant {@code value} units after the epoch, or empty when no instant is that far. */
  public Optional<Instant> toInstant(long value) {
    long seconds = Math.floorDiv(value, perSecond);
    long nanos = Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond);
    try {
      return Optional.of(Instant.ofEpochSecond(seconds, nanos));
    } catch (DateTimeException tooFar) {
      return Optional.empty();
    }
  }
}
