package dev.kelvin.telemetry.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Points ready to write: line protocol, one point per line, each line ending in a line break.
 * What a batch is in the spool too (its UTF-8 bytes), so that a replay writes exactly what the
 * first try would have.
 *
 * @param upTo the store's count of points taken once this batch's last one was: the batch holds
 *     the points numbered {@code upTo - points + 1} to {@code upTo} ({@link StoreProgress});
 *     {@link #UNNUMBERED} for a batch read back from the spool, already safe
 */
record PointBatch(String lines, int points, long upTo) {
  static final long UNNUMBERED = -1;

  PointBatch {
    Objects.requireNonNull(lines, "lines");
    if (points < 0) {
      throw new IllegalArgumentException("points must be >= 0, was " + points);
    }
  }

  /** A batch with no number. */
  PointBatch(String lines, int points) {
    this(lines, points, UNNUMBERED);
  }

  /** Whether the batch holds points the store numbered as it took them. */
  boolean numbered() {
    return upTo != UNNUMBERED && points > 0;
  }

  /** A batch read back from the spool: one point per line. */
  static PointBatch fromSpool(byte[] bytes) {
    String lines = new String(bytes, StandardCharsets.UTF_8);
    int points = 0;
    for (int i = 0; i < lines.length(); i++) {
      if (lines.charAt(i) == '\n') {
        points++;
      }
    }
    if (!lines.isEmpty() && lines.charAt(lines.length() - 1) != '\n') {
      points++;
    }
    return new PointBatch(lines, points);
  }

  byte[] bytes() {
    return lines.getBytes(StandardCharsets.UTF_8);
  }
}
