package dev.kelvin.datasets.failure;

import dev.kelvin.datasets.csv.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the disk failure logs of the reference data: {@code alpine_formatted_data.csv} (columns
 * {@code Timestamp} with a UTC offset like {@code -0500}, {@code SSC}, {@code SSU}, {@code
 * Enclosure}, {@code Slot}) and {@code camp_formatted_data.csv} ({@code Timestamp} without
 * offset, read as UTC, {@code Server}, {@code Rack id}, {@code Enclosure}, {@code Slot}, {@code
 * Action}); the header tells which. Bad rows are counted by reason and skipped; too many stop
 * the read ({@link BadRows}).
 */
public final class DiskFailureLog {
  static final String FORMAT = "an Alpine or Campaign disk failure table";
  private static final DateTimeFormatter WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");

  private DiskFailureLog() {}

  public static ReadRows<DiskFailure> read(Path file) {
    try (BufferedReader lines = TextFiles.open(file)) {
      return read(lines, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the disk failure log " + file + ": "
          + e.getMessage() + " (is the kelvin.data.dir setting right?)", e);
    }
  }

  /** Reads a log from text; {@code source} names it in messages. */
  public static ReadRows<DiskFailure> read(BufferedReader lines, String source)
      throws IOException {
    String head = lines.readLine();
    if (head == null) {
      throw new FailureDataException(source + ": empty, expected the header line");
    }
    HeaderColumns header = new HeaderColumns(CsvLine.split(head).orElse(List.of()), source,
        FORMAT);
    Layout layout = header.names().contains("SSC") ? Layout.alpine(header)
        : Layout.campaign(header);
    BadRows bad = new BadRows(source);
    List<DiskFailure> failures = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (!line.isBlank()) {
        bad.row();
        layout.failure(CsvLine.split(line).orElse(List.of()), header.width(),
            source + ":" + number, bad).ifPresent(failures::add);
      }
    }
    bad.check();
    return new ReadRows<>(failures, bad);
  }

  /** Where one log keeps its fields. */
  private record Layout(String system, int time, int[] enclosure, int slot, int action,
      boolean offset) {
    static Layout alpine(HeaderColumns h) {
      return new Layout("alpine", h.find("Timestamp"),
          new int[] {h.find("SSC"), h.find("SSU"), h.find("Enclosure")}, h.find("Slot"), -1,
          true);
    }

    static Layout campaign(HeaderColumns h) {
      return new Layout("campaign", h.find("Timestamp"),
          new int[] {h.find("Server"), h.find("Rack id"), h.find("Enclosure")}, h.find("Slot"),
          h.find("Action"), false);
    }

    Optional<DiskFailure> failure(List<String> cells, int width, String where, BadRows bad) {
      if (cells.size() != width) {
        bad.bad(where, "wrong field count", cells.size() + " fields, the header has " + width);
        return Optional.empty();
      }
      List<String> parts = new ArrayList<>();
      for (int column : enclosure) {
        parts.add(cells.get(column));
      }
      if (parts.contains("") || cells.get(slot).isEmpty()) {
        bad.bad(where, "no enclosure or slot", String.join(",", cells));
        return Optional.empty();
      }
      try {
        return Optional.of(new DiskFailure(system, String.join("/", parts), cells.get(slot),
            time(cells.get(time)), action < 0 ? "replacement" : cells.get(action)));
      } catch (DateTimeParseException e) {
        bad.bad(where, "bad time", "'" + e.getParsedString() + "', expected ISO-8601"
            + (offset ? " with an offset like -0500" : " without offset"));
        return Optional.empty();
      }
    }

    private Instant time(String text) {
      return offset ? OffsetDateTime.parse(text, WITH_OFFSET).toInstant()
          : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }
}
