package dev.kelvin.datasets.load;

import dev.kelvin.core.validation.WireText;
import dev.kelvin.datasets.csv.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the PlanetLab CPU utilisation traces as CloudSim ships them, combined into one CSV:
 * header {@code date,vm,t000..t287}, one row per VM and day with its CPU % (0-100) in each
 * 5-minute slot. Series of trace {@value #VM_TRACE}: one per VM and run of consecutive days
 * (a VM seen on 11 and 12 April is one two-day series); of trace {@value #SUM_TRACE}: one per
 * day, the sum over the VMs of that day, a site-like load (the VMs differ from day to day, so
 * days are not joined). The traces do not say their time zone; UTC is assumed.
 */
public final class PlanetLabTrace {
  public static final String VM_TRACE = "planetlab-vm";
  public static final String SUM_TRACE = "planetlab-sum";
  static final int SLOTS = 288;
  static final Duration STEP = Duration.ofMinutes(5);
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private PlanetLabTrace() {}

  /** Whether {@code file} is named like the PlanetLab trace. */
  public static boolean matches(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("planetlab") && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
  }

  public static LoadFile read(Path file) {
    return TextFiles.read(file, "PlanetLab trace", (lines, source) -> read(lines, source, file));
  }

  /** Reads the trace from text; {@code source} names it in errors. */
  public static LoadFile read(BufferedReader lines, String source, Path file) throws IOException {
    requireHeader(lines.readLine(), source);
    BadRows bad = new BadRows(source);
    Map<String, TreeMap<LocalDate, double[]>> byVm = new TreeMap<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      bad.row();
      String where = source + ":" + number;
      Optional<String> problem = row(line, byVm);
      problem.ifPresent(reason -> bad.bad(reason, where));
    }
    bad.requireFew();
    List<LoadSeries> series = new ArrayList<>(vmSeries(byVm));
    series.addAll(sums(byVm));
    return new LoadFile(file, "planetlab", series, bad, Map.of());
  }

  private static void requireHeader(String head, String source) {
    List<String> cells = head == null ? List.of() : CsvLine.split(head).orElse(List.of());
    if (cells.size() != SLOTS + 2 || !cells.get(0).equals("date") || !cells.get(1).equals("vm")
        || !cells.get(2).equals("t000") || !cells.get(SLOTS + 1).equals("t287")) {
      throw new LoadDataException(source + ": not the PlanetLab CSV: expected the header"
          + " date,vm,t000..t287, found '" + WireText.shown(head == null ? "" : head) + "'");
    }
  }

  /** Adds one row to {@code byVm}, or says why it is bad. */
  private static Optional<String> row(String line, Map<String, TreeMap<LocalDate, double[]>> byVm) {
    List<String> cells = CsvLine.split(line).orElse(List.of());
    if (cells.size() != SLOTS + 2) {
      return Optional.of("wrong number of fields (expected " + (SLOTS + 2) + ")");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(cells.get(0), DATE);
    } catch (DateTimeParseException e) {
      return Optional.of("date not YYYYMMDD");
    }
    double[] values = new double[SLOTS];
    for (int i = 0; i < SLOTS; i++) {
      try {
        values[i] = Double.parseDouble(cells.get(i + 2));
      } catch (NumberFormatException e) {
        return Optional.of("CPU % not a number");
      }
      if (!(values[i] >= 0 && values[i] <= 100)) {
        return Optional.of("CPU % outside 0..100");
      }
    }
    TreeMap<LocalDate, double[]> days = byVm.computeIfAbsent(cells.get(1), vm -> new TreeMap<>());
    if (days.putIfAbsent(date, values) != null) {
      return Optional.of("VM and day seen before");
    }
    return Optional.empty();
  }

  private static List<LoadSeries> vmSeries(Map<String, TreeMap<LocalDate, double[]>> byVm) {
    List<LoadSeries> series = new ArrayList<>();
    byVm.forEach((vm, days) -> {
      List<double[]> run = new ArrayList<>();
      LocalDate first = null;
      LocalDate previous = null;
      for (Map.Entry<LocalDate, double[]> day : days.entrySet()) {
        if (previous != null && !day.getKey().equals(previous.plusDays(1))) {
          series.add(vm(vm, first, run));
          run.clear();
        }
        if (run.isEmpty()) {
          first = day.getKey();
        }
        run.add(day.getValue());
        previous = day.getKey();
      }
      series.add(vm(vm, first, run));
    });
    return series;
  }

  private static LoadSeries vm(String vm, LocalDate first, List<double[]> days) {
    double[] values = new double[days.size() * SLOTS];
    for (int d = 0; d < days.size(); d++) {
      System.arraycopy(days.get(d), 0, values, d * SLOTS, SLOTS);
    }
    return LoadSeries.of(VM_TRACE, vm + "@" + first, "%",
        first.atStartOfDay(ZoneOffset.UTC).toInstant(), STEP, ZoneOffset.UTC, values);
  }

  private static List<LoadSeries> sums(Map<String, TreeMap<LocalDate, double[]>> byVm) {
    TreeMap<LocalDate, double[]> sums = new TreeMap<>();
    TreeMap<LocalDate, Integer> counts = new TreeMap<>();
    for (TreeMap<LocalDate, double[]> days : byVm.values()) {
      days.forEach((date, values) -> {
        double[] sum = sums.computeIfAbsent(date, d -> new double[SLOTS]);
        for (int i = 0; i < SLOTS; i++) {
          sum[i] += values[i];
        }
        counts.merge(date, 1, Integer::sum);
      });
    }
    List<LoadSeries> series = new ArrayList<>();
    sums.forEach((date, sum) -> series.add(LoadSeries.of(SUM_TRACE,
        "sum of " + counts.get(date) + " VMs@" + date, "% (sum over VMs)",
        date.atStartOfDay(ZoneOffset.UTC).toInstant(), STEP, ZoneOffset.UTC, sum)));
    return series;
  }
}
