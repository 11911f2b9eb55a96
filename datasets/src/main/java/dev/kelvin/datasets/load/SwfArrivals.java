package dev.kelvin.datasets.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queue demand of a Standard Workload Format job log: node-seconds submitted in each
 * 5-minute interval, as the queue knows them at submission (nodes asked for or given, times
 * the wall time asked for; the run time where the log has no request). Processors are turned
 * into nodes by the header's {@code MaxNodes / MaxProcs} (1 when either is missing). Time 0 is
 * the header's {@code UnixStartTime} (the epoch when missing) and the time of day is read on
 * the clock of its {@code TimeZoneString} (UTC when missing or unknown). An interval in which
 * nothing was submitted is 0: the log is complete, so nothing submitted is known. Only the
 * arrivals are read here; the simulator has its own reader for replaying the jobs.
 */
public final class SwfArrivals {
  static final Duration STEP = Duration.ofMinutes(5);
  private static final Pattern HEADER_LINE =
      Pattern.compile("^;\\s*([A-Za-z][\\w ]*?)\\s*:\\s*(.*)$");
  private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?\\d+)");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final int FIELDS = 18;

  private SwfArrivals() {}

  /** Whether {@code file} is named like an SWF log. */
  public static boolean matches(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".swf") || name.endsWith(".swf.gz");
  }

  public static LoadFile read(Path file) {
    return TextFiles.read(file, "SWF job log", (lines, source) -> read(lines, source, file));
  }

  /** One job as the queue saw it at submission. */
  private record Arrival(long submitS, double processorSeconds) {}

  /** Reads the log from text; {@code source} names it in errors. */
  public static LoadFile read(BufferedReader lines, String source, Path file) throws IOException {
    Map<String, String> header = new LinkedHashMap<>();
    BadRows bad = new BadRows(source);
    Map<String, Integer> skipped = new TreeMap<>();
    List<Arrival> arrivals = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.startsWith(";")) {
        Matcher label = HEADER_LINE.matcher(text);
        if (arrivals.isEmpty() && bad.rows() == 0 && label.matches()) {
          header.putIfAbsent(label.group(1).toLowerCase(java.util.Locale.ROOT),
              label.group(2).strip());
        }
      } else if (!text.isEmpty()) {
        bad.row();
        String where = source + ":" + number;
        job(text, arrivals, skipped).ifPresent(reason -> bad.bad(reason, where));
      }
    }
    bad.requireFew();
    if (arrivals.stream().noneMatch(arrival -> arrival.processorSeconds() > 0)) {
      throw new LoadDataException(source + ": no job with a known size and time in "
          + bad.rows() + " records; skipped: " + skipped);
    }
    return new LoadFile(file, "swf", List.of(series(file, header, arrivals)), bad, skipped);
  }

  /** Adds one job's arrival, counts it as skipped, or says why the record is bad. */
  private static Optional<String> job(String text, List<Arrival> arrivals,
      Map<String, Integer> skipped) {
    String[] parts = WHITE_SPACE.split(text);
    if (parts.length != FIELDS) {
      return Optional.of("wrong number of fields (expected " + FIELDS + ")");
    }
    double submit = number(parts[1]);
    double run = number(parts[3]);
    double allocated = number(parts[4]);
    double requested = number(parts[7]);
    double requestedTime = number(parts[8]);
    if (Double.isNaN(submit) || Double.isNaN(run) || Double.isNaN(allocated)
        || Double.isNaN(requested) || Double.isNaN(requestedTime)) {
      return Optional.of("a field is not a number");
    }
    if (submit < 0) {
      return Optional.of("submit time unknown or negative");
    }
    double processors = allocated > 0 ? allocated : requested;
    double seconds = requestedTime >= 0 ? requestedTime : run;
    if (!(processors > 0)) {
      skipped.merge("processors unknown", 1, Integer::sum);
    } else if (!(seconds >= 0)) {
      skipped.merge("requested and run time unknown", 1, Integer::sum);
    }
    boolean sized = processors > 0 && seconds >= 0;
    // a job of unknown size adds nothing, but the log still runs until its submission
    arrivals.add(new Arrival((long) submit, sized ? processors * seconds : 0));
    return Optional.empty();
  }

  private static double number(String text) {
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static LoadSeries series(Path file, Map<String, String> header,
      List<Arrival> arrivals) {
    long stepS = STEP.toSeconds();
    long last = arrivals.stream().mapToLong(Arrival::submitS).max().orElseThrow();
    double[] values = new double[(int) (last / stepS) + 1];
    double nodesPerProcessor = nodesPerProcessor(header);
    for (Arrival arrival : arrivals) {
      values[(int) (arrival.submitS() / stepS)] += arrival.processorSeconds() * nodesPerProcessor;
    }
    Instant start = Instant.ofEpochSecond(headerNumber(header, "unixstarttime").orElse(0L));
    String stem = file.getFileName().toString().replaceFirst("\\.swf(\\.gz)?$", "");
    return LoadSeries.of("swf/" + stem, "swf/" + stem, "node-s requested", start, STEP,
        zone(header), values);
  }

  private static double nodesPerProcessor(Map<String, String> header) {
    Optional<Long> nodes = headerNumber(header, "maxnodes");
    Optional<Long> processors = headerNumber(header, "maxprocs");
    return nodes.isPresent() && processors.isPresent() && nodes.get() > 0 && processors.get() > 0
        ? (double) nodes.get() / processors.get() : 1;
  }

  private static ZoneId zone(Map<String, String> header) {
    String name = header.get("timezonestring");
    try {
      return name == null ? ZoneOffset.UTC : ZoneId.of(name.strip());
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static Optional<Long> headerNumber(Map<String, String> header, String label) {
    String text = header.get(label);
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = LEADING_NUMBER.matcher(text);
    return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
  }
}
