package dev.kelvin.datasets.failure;

import dev.kelvin.datasets.csv.CsvLine;
import dev.kelvin.core.validation.WireText;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.tukaani.xz.XZInputStream;

/**
 * Reads the LANL failure log, 1996-2005 (LA-UR-05-7318, the data of Schroeder and Gibson, DSN
 * 2006): a CSV file with a header of 26 columns, one node outage per line, fields quoted where
 * they hold a comma; a {@code .xz} file is read through xz. Columns are found by their header
 * name. A bad record stops the read with the file, the line, the column and the value.
 */
public final class LanlFailureLog {
  private static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("M/d/uuuu H:mm").withResolverStyle(ResolverStyle.STRICT);

  private LanlFailureLog() {
  }

  /** Reads the log file, xz-compressed when its name ends in {@code .xz}. */
  public static List<LanlFailure> read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".xz")
            ? new XZInputStream(new BufferedInputStream(raw, 1 << 16)) : raw;
        BufferedReader lines = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
      return read(lines, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the LANL failure log " + file + ": "
          + e.getMessage() + " (is the kelvin.data.dir setting right, and the .xz file whole?)",
          e);
    }
  }

  /** Reads the log from text; {@code source} names it in errors. */
  public static List<LanlFailure> read(BufferedReader lines, String source) throws IOException {
    String head = lines.readLine();
    if (head == null) {
      throw new FailureDataException(source + ": empty, expected the log's header line");
    }
    Columns columns = Columns.of(split(head, source + ":1"), source);
    List<LanlFailure> failures = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (!line.isBlank()) {
        failures.add(record(split(line, source + ":" + number), columns,
            source + ":" + number));
      }
    }
    return List.copyOf(failures);
  }

  static LanlFailure record(List<String> cells, Columns at, String where) {
    if (cells.size() != at.width()) {
      throw new FailureDataException(where + ": " + cells.size() + " fields, the header has "
          + at.width() + " (an unquoted comma in a field, or a truncated line?)");
    }
    Row row = new Row(cells, at.header(), where);
    int causeColumn = at.causeColumn(cells);
    RootCause cause = causeColumn < 0 ? RootCause.NOT_RECORDED : at.causeOf(causeColumn);
    return new LanlFailure(row.whole(at.system(), 1), row.optionalWhole(at.node()),
        row.started(at.started()), row.whole(at.downtime(), 0), cause,
        causeColumn < 0 ? "" : row.text(causeColumn), row.yesNo(at.sameEvent()),
        row.optionalWhole(at.nodes()), row.text(at.purpose()));
  }

  /** Splits one CSV line, each cell stripped of surrounding blanks. */
  static List<String> split(String line, String where) {
    return CsvLine.split(line).orElseThrow(() -> new FailureDataException(where + ": a quoted field is not closed on its line")).stream()
        .map(String::strip).toList();
  }

  /** The cells of one record, able to say where a value came from. */
  private record Row(List<String> cells, List<String> header, String where) {
    String text(int column) {
      return cells.get(column);
    }

    int whole(int column, int least) {
      String text = text(column);
      try {
        int value = Integer.parseInt(text);
        if (value >= least) {
          return value;
        }
      } catch (NumberFormatException e) {
        // refused below with the column and the value
      }
      throw bad(column, "expected a whole number of at least " + least);
    }

    OptionalInt optionalWhole(int column) {
      return text(column).isEmpty() ? OptionalInt.empty() : OptionalInt.of(whole(column, 0));
    }

    Instant started(int column) {
      try {
        return LocalDateTime.parse(text(column), STARTED).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw bad(column, "expected a time as m/d/yyyy h:mm (24-hour clock)");
      }
    }

    boolean yesNo(int column) {
      return switch (text(column)) {
        case "Yes" -> true;
        case "No" -> false;
        default -> throw bad(column, "expected Yes or No");
      };
    }

    FailureDataException bad(int column, String why) {
      return new FailureDataException(where + ": column " + (column + 1) + " '"
          + header.get(column) + "' is '" + WireText.shown(text(column)) + "', " + why);
    }
  }
}
