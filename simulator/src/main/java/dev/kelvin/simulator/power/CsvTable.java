package dev.kelvin.simulator.power;

import dev.kelvin.datasets.csv.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file with a header line, read whole: fields may be quoted ({@code "a, b"}, with
 * {@code ""} for a quote inside), one record per line (a quoted field may not span lines), every
 * row as wide as the header. Columns are found by their header name, trimmed.
 */
final class CsvTable {
  private final String file;
  private final List<String> header;
  private final List<CsvRow> rows;

  private CsvTable(String file, List<String> header, List<CsvRow> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  static CsvTable read(Path path, Charset charset) {
    try (BufferedReader lines = Files.newBufferedReader(path, charset)) {
      return read(lines, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage()
          + " (is the kelvin.data.dir setting right?)", e);
    }
  }

  static CsvTable read(BufferedReader lines, String file) throws IOException {
    String head = lines.readLine();
    if (head == null) {
      throw new PowerDataException(file + ": empty, expected a CSV header line");
    }
    List<String> header = new ArrayList<>();
    for (String name : split(head, file + ":1")) {
      header.add(name.trim());
    }
    List<CsvRow> rows = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line, file + ":" + number);
      if (cells.size() != header.size()) {
        throw new PowerDataException(file + ":" + number + ": " + cells.size()
            + " fields, the header has " + header.size() + " (an unquoted comma in a field?)");
      }
      rows.add(new CsvRow(file, number, header, cells));
    }
    return new CsvTable(file, List.copyOf(header), List.copyOf(rows));
  }

  /** The index of the column with this header name. */
  int column(String name) {
    int at = header.indexOf(name);
    if (at < 0) {
      throw new PowerDataException(file + ":1: no column '" + name + "' in the header (not the"
          + " file this reader expects, or a different export of it?)");
    }
    return at;
  }

  List<CsvRow> rows() {
    return rows;
  }

  static List<String> split(String line, String where) {
    return CsvLine.split(line).orElseThrow(() -> new PowerDataException(where
        + ": a quoted field is not closed on its line"));
  }
}
