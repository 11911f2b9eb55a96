package dev.kelvin.datasets.load;

import dev.kelvin.core.validation.WireText;
import dev.kelvin.datasets.csv.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the Cornell BioHPC GPU server telemetry: a CSV with a header naming {@code name},
 * {@code timestamp} ({@code YYYY-MM-DD HH:MM:SS.mmm}, on the hour), {@code powerave} (W) and
 * {@code utilave} (GPU %), one row per server and hour. Two series per server: trace
 * {@code biohpc/SERVER/power} (W) and {@code biohpc/SERVER/util} (%), hourly from the server's
 * first row to its last, NaN for an hour without a row. The timestamps carry no zone; they are
 * kept as the local clock of the site (read as UTC, so that no hour is lost or doubled).
 */
public final class BioHpcTelemetry {
  static final Duration STEP = Duration.ofHours(1);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
  private static final double MAX_POWER_W = 10_000;

  private BioHpcTelemetry() {}

  /** Whether {@code file} is named like the BioHPC telemetry. */
  public static boolean matches(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("biohpc") && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
  }

  public static LoadFile read(Path file) {
    return TextFiles.read(file, "BioHPC telemetry", (lines, source) -> read(lines, source, file));
  }

  /** One hour of one server as read. */
  private record Hour(Instant at, double powerWatts, double utilPercent) {}

  /** Reads the telemetry from text; {@code source} names it in errors. */
  public static LoadFile read(BufferedReader lines, String source, Path file) throws IOException {
    String head = lines.readLine();
    List<String> header = head == null ? List.of() : CsvLine.split(head).orElse(List.of());
    int[] at = {header.indexOf("name"), header.indexOf("timestamp"),
        header.indexOf("powerave"), header.indexOf("utilave")};
    if (Arrays.stream(at).anyMatch(i -> i < 0)) {
      throw new LoadDataException(source + ": not the BioHPC telemetry CSV: the header must name"
          + " name, timestamp, powerave and utilave; found '"
          + WireText.shown(head == null ? "" : head) + "'");
    }
    BadRows bad = new BadRows(source);
    Map<String, TreeMap<Instant, Hour>> byServer = new TreeMap<>();
    String line;
    int number = 1;
    while ((line = lines.readLine()) != null) {
      number++;
      if (!line.isBlank()) {
        bad.row();
        String where = source + ":" + number;
        row(line, header.size(), at, byServer).ifPresent(reason -> bad.bad(reason, where));
      }
    }
    bad.requireFew();
    List<LoadSeries> series = new ArrayList<>();
    byServer.forEach((server, hours) -> {
      series.add(series(server, "power", "W", hours, true));
      series.add(series(server, "util", "%", hours, false));
    });
    return new LoadFile(file, "biohpc", series, bad, Map.of());
  }

  private static Optional<String> row(String line, int width, int[] at,
      Map<String, TreeMap<Instant, Hour>> byServer) {
    List<String> cells = CsvLine.split(line).orElse(List.of());
    if (cells.size() != width) {
      return Optional.of("wrong number of fields (expected " + width + ")");
    }
    String server = cells.get(at[0]).strip();
    if (server.isEmpty()) {
      return Optional.of("no server name");
    }
    Instant time;
    try {
      LocalDateTime local = LocalDateTime.parse(cells.get(at[1]).strip(), TIME);
      if (local.getMinute() != 0 || local.getSecond() != 0 || local.getNano() != 0) {
        return Optional.of("timestamp not on the hour");
      }
      time = local.toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Optional.of("timestamp not YYYY-MM-DD HH:MM:SS.mmm");
    }
    double power = number(cells.get(at[2]));
    double util = number(cells.get(at[3]));
    if (!(power >= 0 && power <= MAX_POWER_W)) {
      return Optional.of("powerave not a number of 0.." + (int) MAX_POWER_W + " W");
    }
    if (!(util >= 0 && util <= 100)) {
      return Optional.of("utilave not a number of 0..100 %");
    }
    TreeMap<Instant, Hour> hours = byServer.computeIfAbsent(server, s -> new TreeMap<>());
    if (hours.putIfAbsent(time, new Hour(time, power, util)) != null) {
      return Optional.of("server and hour seen before");
    }
    return Optional.empty();
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static LoadSeries series(String server, String metric, String unit,
      TreeMap<Instant, Hour> hours, boolean power) {
    Instant first = hours.firstKey();
    int length = (int) (Duration.between(first, hours.lastKey()).dividedBy(STEP) + 1);
    double[] values = new double[length];
    Arrays.fill(values, Double.NaN);
    for (Hour hour : hours.values()) {
      int i = (int) Duration.between(first, hour.at()).dividedBy(STEP);
      values[i] = power ? hour.powerWatts() : hour.utilPercent();
    }
    String trace = "biohpc/" + server + "/" + metric;
    return LoadSeries.of(trace, trace, unit, first, STEP, ZoneOffset.UTC, values);
  }
}
