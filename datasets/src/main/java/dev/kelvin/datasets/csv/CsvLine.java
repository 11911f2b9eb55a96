package dev.kelvin.datasets.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One line of RFC 4180 CSV: commas separate, double quotes enclose, {@code ""} is a quote. */
public final class CsvLine {
  private CsvLine() {}

  /** The line's cells as written; empty when a quoted cell is not closed on the line. */
  public static Optional<List<String>> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      return Optional.empty();
    }
    cells.add(cell.toString());
    return Optional.of(cells);
  }
}
