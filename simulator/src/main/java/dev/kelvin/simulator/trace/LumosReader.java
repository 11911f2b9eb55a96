package dev.kelvin.simulator.trace;

import dev.kelvin.core.validation.WireText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the ALCF job logs as the Lumos tool packages them: CSV with a header, its first column
 * an unnamed row index, times in Unix seconds, and rows not in submission order (they are
 * returned sorted by submit time, ties in file order). Columns are found by name, so their
 * order may change; a bad row stops the read with the file, the line, the column and the value.
 */
public final class LumosReader {
  private static final List<String> COLUMNS = List.of("job", "submit_time", "wait_time",
      "run_time", "wall_time", "node_num", "cpu_num", "gpu_num", "new_status");

  private LumosReader() {
  }

  /** Reads a job log, gzip-compressed when its name ends in {@code .gz}. */
  public static List<LumosJob> read(Path file) {
    return TraceFiles.read(file, StandardCharsets.UTF_8, "job log", LumosReader::read);
  }

  /** Reads a job log from text; {@code source} names it in errors. */
  public static List<LumosJob> read(BufferedReader lines, String source) throws IOException {
    String head = lines.readLine();
    if (head == null) {
      throw new TraceFormatException(source + ": empty, expected a CSV header naming " + COLUMNS);
    }
    int[] at = columns(Arrays.asList(head.split(",", -1)), source);
    List<LumosJob> jobs = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (!line.isBlank()) {
        jobs.add(job(line.split(",", -1), at, source + ":" + number));
      }
    }
    jobs.sort(Comparator.comparing(LumosJob::submitted));
    return jobs;
  }

  private static int[] columns(List<String> header, String source) {
    int[] at = new int[COLUMNS.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = header.indexOf(COLUMNS.get(i));
      if (at[i] < 0) {
        throw new TraceFormatException(source + ":1: no column '" + COLUMNS.get(i)
            + "' in the header " + header + " (not a Lumos job log?)");
      }
    }
    return at;
  }

  private static LumosJob job(String[] cells, int[] at, String where) {
    Row row = new Row(cells, at, where);
    long submitted = (long) row.number(1);
    try {
      return new LumosJob(row.text(0), Instant.ofEpochSecond(submitted), row.number(2),
          row.number(3), row.number(4), row.whole(5), row.whole(6), row.whole(7),
          LumosJob.Outcome.parse(row.text(8)));
    } catch (IllegalArgumentException e) {
      throw row.bad(8, "is not one of Pass, Failed, Killed");
    }
  }

  private record Row(String[] cells, int[] at, String where) {
    String text(int column) {
      if (at[column] >= cells.length) {
        throw new TraceFormatException(where + ": " + cells.length + " cells, no column '"
            + COLUMNS.get(column) + "' (a truncated line?)");
      }
      return cells[at[column]].strip();
    }

    double number(int column) {
      String text = text(column);
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw bad(column, "is not a number");
      }
      if (!Double.isFinite(value) || value < 0) {
        throw bad(column, "must be a number 0 or more");
      }
      return value;
    }

    long whole(int column) {
      double value = number(column);
      if (value != Math.rint(value)) {
        throw bad(column, "must be a whole number");
      }
      return (long) value;
    }

    TraceFormatException bad(int column, String why) {
      return new TraceFormatException(where + ": column '" + COLUMNS.get(column) + "' '"
          + WireText.shown(text(column)) + "' " + why);
    }
  }
}
