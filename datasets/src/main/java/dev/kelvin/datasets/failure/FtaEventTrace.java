package dev.kelvin.datasets.failure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the event trace of the Failure Trace Archive format (Kondo et al., CCGrid 2010), as the
 * Grid'5000 trace of the reference data holds it: a {@code #}-prefixed header naming the
 * columns, then one tab-separated, space-padded row per availability interval, times in Unix
 * seconds; {@code .xz} files are read through xz. Bad rows are counted by reason and skipped;
 * too many stop the read ({@link BadRows}).
 */
public final class FtaEventTrace {
  static final String FORMAT = "an FTA event_trace table";

  private FtaEventTrace() {}

  public static ReadRows<FtaEvent> read(Path file) {
    try (BufferedReader lines = TextFiles.open(file)) {
      return read(lines, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the FTA event trace " + file + ": "
          + e.getMessage() + " (is the kelvin.data.dir setting right, and the file whole?)", e);
    }
  }

  /** Reads the trace from text; {@code source} names it in messages. */
  public static ReadRows<FtaEvent> read(BufferedReader lines, String source) throws IOException {
    String head = lines.readLine();
    if (head == null || !head.startsWith("#")) {
      throw new FailureDataException(source + ":1: expected a '#' header line naming the"
          + " columns (not " + FORMAT + "?)");
    }
    HeaderColumns header = new HeaderColumns(
        Arrays.asList(head.substring(1).strip().split("\\s+")), source, FORMAT);
    int[] at = {header.find("node_id"), header.find("node_name"), header.find("event_type"),
        header.find("event_start_time"), header.find("event_stop_time")};
    BadRows bad = new BadRows(source);
    List<FtaEvent> events = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      bad.row();
      String[] cells = line.split("\t", -1);
      String where = source + ":" + number;
      if (cells.length != header.width()) {
        bad.bad(where, "wrong field count", cells.length + " fields, the header has "
            + header.width());
        continue;
      }
      event(cells, at, where, bad, events);
    }
    bad.check();
    return new ReadRows<>(events, bad);
  }

  private static void event(String[] cells, int[] at, String where, BadRows bad,
      List<FtaEvent> events) {
    try {
      int node = Integer.parseInt(cells[at[0]].strip());
      String type = cells[at[2]].strip();
      long start = Long.parseLong(cells[at[3]].strip());
      long stop = Long.parseLong(cells[at[4]].strip());
      if (!type.equals("0") && !type.equals("1")) {
        bad.bad(where, "unknown event type", "'" + type + "', expected 0 (down) or 1 (up)");
      } else if (stop < start) {
        bad.bad(where, "stop before start", start + " to " + stop);
      } else {
        events.add(new FtaEvent(node, cells[at[1]].strip(), type.equals("1"),
            Instant.ofEpochSecond(start), Instant.ofEpochSecond(stop)));
      }
    } catch (NumberFormatException e) {
      bad.bad(where, "not a whole number", e.getMessage());
    }
  }
}
