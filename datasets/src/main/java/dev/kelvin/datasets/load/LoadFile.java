package dev.kelvin.datasets.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one file of load data gave: its series, the rows it skipped as bad, and the records
 * that were well-formed but left out (a job of unknown size), each by reason.
 *
 * @param path the file
 * @param format what it was read as, like {@code planetlab}
 * @param series the series, in a fixed order
 * @param badRows the rows that could not be read
 * @param skipped well-formed records that could not contribute, by reason
 */
public record LoadFile(Path path, String format, List<LoadSeries> series, BadRows badRows,
    Map<String, Integer> skipped) {
  public LoadFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(badRows, "badRows");
    series = List.copyOf(series);
    skipped = Map.copyOf(skipped);
  }
}
