package dev.kelvin.telemetry.decode.telegraf;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed line of line protocol: a point of one measurement, with escapes resolved.
 *
 * @param number the line's number in its message, from 1 (comments and blank lines count)
 * @param tags the tag set, in the order the line gives it
 * @param fields the field set, in the order the line gives it; a key given twice keeps its last
 *     value, as InfluxDB does
 * @param timestamp the line's own timestamp, or {@code null} when it has none (the receiver's
 *     clock then stamps it)
 */
public record Line(int number, String measurement, Map<String, String> tags,
    Map<String, Field> fields, Instant timestamp) {
  public Line {
    Objects.requireNonNull(measurement, "measurement");
    tags = Collections.unmodifiableMap(tags);
    fields = Collections.unmodifiableMap(fields);
  }

  public Optional<String> tag(String key) {
    return Optional.ofNullable(tags.get(key));
  }

  public Optional<Field> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** The line's timestamp, or empty when it carries none. */
  public Optional<Instant> at() {
    return Optional.ofNullable(timestamp);
  }
}
