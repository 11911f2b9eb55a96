package dev.kelvin.datasets.failure;

import dev.kelvin.datasets.csv.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code gc_full.csv} of the Titan GPU data (SC'20): one GPU placement per row, columns
 * {@code SN, location, insert, remove, duration, out, event}, times as {@code yyyy-MM-dd
 * HH:mm:ss} read as UTC (the data gives no zone; Titan ran in US Eastern time, so times may be
 * 4 to 5 hours early, which a day-long anchor grid barely feels). {@code .gz} is read through
 * gzip. Bad rows are counted by reason and skipped; too many stop the read ({@link BadRows}).
 */
public final class TitanGpuLog {
  static final String FORMAT = "the Titan GPU gc_full table";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private TitanGpuLog() {}

  public static ReadRows<TitanPlacement> read(Path file) {
    try (BufferedReader lines = TextFiles.open(file)) {
      return read(lines, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Titan GPU log " + file + ": "
          + e.getMessage() + " (is the kelvin.data.dir setting right, and the file whole?)", e);
    }
  }

  /** Reads the table from text; {@code source} names it in messages. */
  public static ReadRows<TitanPlacement> read(BufferedReader lines, String source)
      throws IOException {
    String head = lines.readLine();
    if (head == null) {
      throw new FailureDataException(source + ": empty, expected the header line");
    }
    HeaderColumns header = new HeaderColumns(CsvLine.split(head).orElse(List.of()), source,
        FORMAT);
    int[] at = {header.find("SN"), header.find("location"), header.find("insert"),
        header.find("remove"), header.find("out"), header.find("event")};
    BadRows bad = new BadRows(source);
    List<TitanPlacement> placements = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (!line.isBlank()) {
        bad.row();
        placement(CsvLine.split(line).orElse(List.of()), header, at, source + ":" + number, bad)
            .ifPresent(placements::add);
      }
    }
    bad.check();
    return new ReadRows<>(placements, bad);
  }

  private static Optional<TitanPlacement> placement(List<String> cells, HeaderColumns header,
      int[] at, String where, BadRows bad) {
    if (cells.size() != header.width()) {
      bad.bad(where, "wrong field count", cells.size() + " fields, the header has "
          + header.width());
      return Optional.empty();
    }
    String event = cells.get(at[5]);
    GpuEvent kind = switch (event) {
      case "" -> GpuEvent.NONE;
      case "DBE" -> GpuEvent.DBE;
      case "OTB" -> GpuEvent.OTB;
      default -> null;
    };
    if (kind == null) {
      bad.bad(where, "unknown event", "'" + event + "', expected empty, DBE or OTB");
      return Optional.empty();
    }
    if (cells.get(at[1]).isEmpty() || cells.get(at[0]).isEmpty()) {
      bad.bad(where, "no serial or location", String.join(",", cells));
      return Optional.empty();
    }
    try {
      Optional<Instant> inserted = cells.get(at[2]).isEmpty() ? Optional.empty()
          : Optional.of(time(cells.get(at[2])));
      return Optional.of(new TitanPlacement(cells.get(at[0]), cells.get(at[1]), inserted,
          time(cells.get(at[3])), cells.get(at[4]).equals("TRUE"), kind));
    } catch (DateTimeParseException e) {
      bad.bad(where, "bad time", "'" + e.getParsedString() + "', expected yyyy-MM-dd HH:mm:ss");
      return Optional.empty();
    }
  }

  private static Instant time(String text) {
    return LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC);
  }
}
