package dev.kelvin.telemetry.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Points ready to write: line protocol, one point per line, each line ending in a line break.
 * What a batch is in the spool too (its UTF-8 bytes), so that a replay writes exactly what the
 * first try would have.
 */
record PointBatch(String lines, int points) {
  PointBatch {
    Objects.requireNonNull(lines, "lines");
    if (points < 0) {
      throw new IllegalArgumentException("points must be >= 0, was " + points);
    }
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
