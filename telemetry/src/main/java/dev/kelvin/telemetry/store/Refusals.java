package dev.kelvin.telemetry.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads InfluxDB 1.x's answer 400 to a write: how many points it refused for good, and why.
 * InfluxDB stores the rest of the batch before it answers so (a "partial write"), so the batch
 * is done either way.
 */
final class Refusals {
  private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");
  private static final String UNPARSEABLE = "unable to parse";

  private Refusals() {}

  /** The outcome of a 400 answering {@code message} to a batch of {@code points} points. */
  static WriteOutcome.BadPoints of(String message, int points) {
    return new WriteOutcome.BadPoints(Math.max(1, count(message, points)), reason(message),
        message);
  }

  /**
   * Points refused: {@code dropped=N} (type conflicts, retention) plus one per line InfluxDB
   * could not parse; all {@code points} when the message names no count.
   */
  static int count(String message, int points) {
    long refused = 0;
    Matcher dropped = DROPPED.matcher(message);
    while (dropped.find()) {
      refused += Long.parseLong(dropped.group(1));
    }
    int from = message.indexOf(UNPARSEABLE);
    while (from >= 0) {
      refused++;
      from = message.indexOf(UNPARSEABLE, from + UNPARSEABLE.length());
    }
    return refused == 0 ? points : (int) Math.min(refused, points);
  }

  /** A label to count refusals by: {@code field_type_conflict}, {@code unparseable}... */
  static String reason(String message) {
    String text = message.toLowerCase(Locale.ROOT);
    if (text.contains("field type conflict")) {
      return "field_type_conflict";
    }
    if (text.contains("points beyond retention policy")) {
      return "beyond_retention";
    }
    if (text.contains(UNPARSEABLE)) {
      return "unparseable";
    }
    return "bad_request";
  }
}
