package dev.kelvin.simulator.trace;

import dev.kelvin.core.validation.WireText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Standard Workload Format of the Parallel Workloads Archive: {@code ;} comment lines
 * (those of the form {@code ; Label: value} form the header), then one job per line, 18 fields
 * separated by white space, {@code -1} for a value not known. A {@code .gz} file is read
 * through gzip. A bad record stops the read with the file, the line, the field and the value.
 */
public final class SwfReader {
  static final List<String> FIELDS = List.of("job number", "submit time (s)", "wait time (s)",
      "run time (s)", "allocated processors", "average CPU time (s)", "used memory (KiB)",
      "requested processors", "requested time (s)", "requested memory (KiB)", "status",
      "user id", "group id", "executable number", "queue number", "partition number",
      "preceding job number", "think time (s)");
  private static final Pattern HEADER_LINE =
      Pattern.compile("^;\\s*([A-Za-z][\\w ]*?)\\s*:\\s*(.*)$");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private SwfReader() {
  }

  /** Reads a trace file, gzip-compressed when its name ends in {@code .gz}. */
  public static SwfTrace read(Path file) {
    return TraceFiles.read(file, StandardCharsets.US_ASCII, "SWF trace", SwfReader::read);
  }

  /** Reads a trace from text; {@code source} names it in errors. */
  public static SwfTrace read(BufferedReader lines, String source) throws IOException {
    Map<String, String> header = new LinkedHashMap<>();
    List<SwfJob> jobs = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.startsWith(";")) {
        Matcher label = HEADER_LINE.matcher(text);
        if (jobs.isEmpty() && label.matches()) {
          header.putIfAbsent(label.group(1), label.group(2).strip());
        }
      } else if (!text.isEmpty()) {
        jobs.add(job(text, source + ":" + number));
      }
    }
    return new SwfTrace(source, new SwfHeader(header), jobs);
  }

  static SwfJob job(String text, String where) {
    String[] parts = WHITE_SPACE.split(text);
    if (parts.length != FIELDS.size()) {
      throw new TraceFormatException(where + ": " + parts.length + " fields, a record has "
          + FIELDS.size() + " (a truncated or merged line?)");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = value(parts[i], i, where);
    }
    return new SwfJob(whole(v, 0, where), whole(v, 1, where), whole(v, 2, where),
        whole(v, 3, where), whole(v, 4, where), v[5], v[6], whole(v, 7, where),
        whole(v, 8, where), v[9], whole(v, 10, where), whole(v, 11, where), whole(v, 12, where),
        whole(v, 13, where), whole(v, 14, where), whole(v, 15, where), whole(v, 16, where),
        whole(v, 17, where));
  }

  private static double value(String text, int field, String where) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(where, field, text, "is not a number");
    }
    if (!Double.isFinite(value) || (value < 0 && value != SwfJob.MISSING)) {
      throw bad(where, field, text, "must be 0 or more, or -1 for not known");
    }
    if (field == 0 && value < 1) {
      throw bad(where, field, text, "must be 1 or more: every job has a number");
    }
    if (field == 1 && value < 0) {
      throw bad(where, field, text,
          "must be known: a job without a submit time cannot be replayed");
    }
    return value;
  }

  private static long whole(double[] values, int field, String where) {
    double value = values[field];
    if (value != Math.rint(value)) {
      throw bad(where, field, String.valueOf(value), "must be a whole number");
    }
    return (long) value;
  }

  private static TraceFormatException bad(String where, int field, String text, String why) {
    return new TraceFormatException(where + ": field " + (field + 1) + " (" + FIELDS.get(field)
        + ") '" + WireText.shown(text) + "' " + why);
  }
}
