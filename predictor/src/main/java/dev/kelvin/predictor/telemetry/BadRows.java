package dev.kelvin.predictor.telemetry;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bad rows of one telemetry file, counted by reason with the first of each kept as an
 * example. A file Kelvin recorded has none; a few are skipped (a line damaged in a copy), but
 * more than {@link #MAX_SHARE} of the rows, or {@link #MAX_COUNT} in all, stop the read: the
 * data is then not what was recorded, and a model trained on what is left would mislead.
 */
final class BadRows {
  /** The read stops when more than this share of the rows is bad. */
  static final double MAX_SHARE = 0.01;
  /** ... or as soon as this many are. */
  static final long MAX_COUNT = 10_000;

  private final Path file;
  private final SortedMap<String, Long> counts = new TreeMap<>();
  private final SortedMap<String, String> examples = new TreeMap<>();
  private long total;

  BadRows(Path file) {
    this.file = file;
  }

  void count(String reason, long line, String text) {
    total++;
    counts.merge(reason, 1L, Long::sum);
    examples.putIfAbsent(reason, file + ":" + line + ": " + TelemetryFile.shown(text));
  }

  /** Stops the read once too many rows are bad to go on. */
  void check(long good) {
    if (total >= MAX_COUNT) {
      throw tooMany(good);
    }
  }

  /** Stops the read when more than {@link #MAX_SHARE} of all rows were bad. */
  void checkAtEnd(long good) {
    if (total > MAX_SHARE * (good + total)) {
      throw tooMany(good);
    }
  }

  Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  private TelemetryDataException tooMany(long good) {
    return new TelemetryDataException(file + ": " + total + " bad rows against " + good
        + " good (at most " + (int) (MAX_SHARE * 100) + " % may be bad), by reason " + counts
        + "; first of each: " + examples.values() + " (damaged, or edited by hand? record it"
        + " again with kelvin simulate --record-features)");
  }
}
