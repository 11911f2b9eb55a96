package dev.kelvin.predictor.telemetry;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.model.FeatureSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The telemetry file: gzip-compressed CSV, UTF-8, {@code \n} line ends. Three comment lines,
 * a header row, then one row per node and control tick in time order:
 *
 * <pre>
 * # kelvin node telemetry, format 1
 * # source: failure-telemetry (seed 11)
 * # features: node-failure@3f2a9c01d4e5
 * time_s,node,next_failure_s,next_failure_warned,cpu_temp_c_mean,...
 * 1704068400,a/n0001,,,61.25,...
 * 1704068520,a/n0007,754,1,88.5,...
 * </pre>
 *
 * {@code time_s} is the tick in whole seconds since 1970 (UTC); {@code node} is
 * {@code site/name}; {@code next_failure_s} the seconds to the node's next failure and
 * {@code next_failure_warned} 1 when that failure showed precursors, 0 when not, both empty
 * when the node did not fail again before the run ended; then the features, each at float
 * precision (what XGBoost computes in), empty where unknown. Nothing else is ever empty.
 */
public final class TelemetryFile {
  static final String MAGIC = "# kelvin node telemetry, format 1";
  static final List<String> FIXED_COLUMNS = List.of("time_s", "node", "next_failure_s",
      "next_failure_warned");

  private TelemetryFile() {}

  /** Writes the comment lines and the header row. */
  static void writeHeader(Writer out, String source, FeatureSet features) throws IOException {
    out.write(MAGIC + "\n# source: " + source.replace('\n', ' ') + "\n# features: "
        + features.id() + "\n" + String.join(",", FIXED_COLUMNS) + ","
        + String.join(",", features.names()) + "\n");
  }

  /** Writes one row; {@code line} is a scratch buffer. */
  static void writeRow(Writer out, StringBuilder line, TelemetryRow row) throws IOException {
    line.setLength(0);
    line.append(row.at().getEpochSecond()).append(',').append(row.node()).append(',');
    if (!Double.isNaN(row.secondsToFailure())) {
      line.append(Math.round(row.secondsToFailure())).append(',')
          .append(row.failureWarned() ? '1' : '0');
    } else {
      line.append(',');
    }
    for (double value : row.features()) {
      line.append(',');
      appendNumber(line, value);
    }
    out.append(line).append('\n');
  }

  private static void appendNumber(StringBuilder line, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    String text = Float.toString((float) value);
    line.append(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
  }

  /**
   * Reads {@code file}, handing every good row to {@code rows}, in file order.
   *
   * @param expected the feature set this Kelvin computes; a file recorded with another is
   *     refused, naming both
   * @throws TelemetryDataException naming the file and line when it is no telemetry file, or
   *     when more than {@link BadRows#MAX_SHARE} of its rows are bad (each reason counted)
   */
  public static TelemetryReadReport read(Path file, FeatureSet expected,
      Consumer<TelemetryRow> rows) {
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader lines = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      String source = header(lines, file, expected);
      BadRows bad = new BadRows(file);
      int width = FIXED_COLUMNS.size() + expected.names().size();
      String[] cells = new String[width];
      long lineNumber = 4;
      long good = 0;
      Instant first = null;
      Instant last = null;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        TelemetryRow row = RowParser.parse(line, cells, bad, lineNumber, last);
        if (row != null) {
          first = first == null ? row.at() : first;
          last = row.at();
          good++;
          rows.accept(row);
        }
        bad.check(good);
      }
      bad.checkAtEnd(good);
      return new TelemetryReadReport(file, source, good, bad.counts(), first, last);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read telemetry file " + file + ": " + e.getMessage()
          + " (truncated, or not gzip? record it with kelvin simulate --record-features)", e);
    }
  }

  private static String header(BufferedReader lines, Path file, FeatureSet expected)
      throws IOException {
    String magic = lines.readLine();
    if (!MAGIC.equals(magic)) {
      throw new TelemetryDataException(file + ":1: not a Kelvin telemetry file: expected '"
          + MAGIC + "', found '" + shown(magic) + "'");
    }
    String source = lines.readLine();
    String features = lines.readLine();
    String columns = lines.readLine();
    if (source == null || features == null || columns == null
        || !source.startsWith("# source: ") || !features.startsWith("# features: ")) {
      throw new TelemetryDataException(file + ":2: the header is cut short or edited: expected"
          + " '# source: ...', '# features: ...' and the column names");
    }
    List<String> expectedColumns = new ArrayList<>(FIXED_COLUMNS);
    expectedColumns.addAll(expected.names());
    if (!columns.equals(String.join(",", expectedColumns))) {
      throw new TelemetryDataException(file + ":4: recorded with feature set "
          + features.substring("# features: ".length()) + ", this Kelvin computes "
          + expected.id() + " (columns differ); record it again with this Kelvin");
    }
    return source.substring("# source: ".length());
  }

  static String shown(String text) {
    if (text == null) {
      return "end of file";
    }
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }

  /** Splits one data row and turns it into a {@link TelemetryRow}, or counts why not. */
  private static final class RowParser {
    private RowParser() {}

    static TelemetryRow parse(String line, String[] cells, BadRows bad, long lineNumber,
        Instant previous) {
      if (split(line, cells) != cells.length) {
        bad.count("wrong_cell_count", lineNumber, line);
        return null;
      }
      try {
        Instant at = Instant.ofEpochSecond(Long.parseLong(cells[0]));
        if (previous != null && at.isBefore(previous)) {
          bad.count("not_in_time_order", lineNumber, line);
          return null;
        }
        String[] node = cells[1].split("/", -1);
        if (node.length != 2) {
          bad.count("bad_node", lineNumber, line);
          return null;
        }
        NodeId id = NodeId.of(node[0], node[1]);
        double toFailure = cells[2].isEmpty() ? Double.NaN : Double.parseDouble(cells[2]);
        boolean warned = "1".equals(cells[3]);
        if (!(toFailure > 0) && !Double.isNaN(toFailure)
            || cells[2].isEmpty() != cells[3].isEmpty()) {
          bad.count("bad_label", lineNumber, line);
          return null;
        }
        return new TelemetryRow(at, id, toFailure, warned, features(cells));
      } catch (NumberFormatException e) {
        bad.count("bad_number", lineNumber, line);
      } catch (IllegalArgumentException e) {
        bad.count("bad_node", lineNumber, line);
      }
      return null;
    }

    /** The feature cells as numbers, NaN where empty. */
    private static double[] features(String[] cells) {
      double[] features = new double[cells.length - FIXED_COLUMNS.size()];
      for (int k = 0; k < features.length; k++) {
        String cell = cells[k + FIXED_COLUMNS.size()];
        features[k] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        if (Double.isInfinite(features[k])) {
          throw new NumberFormatException("infinite");
        }
      }
      return features;
    }

    /** Splits at commas into {@code cells}; the number of cells the line has. */
    private static int split(String line, String[] cells) {
      int count = 0;
      int start = 0;
      while (true) {
        int comma = line.indexOf(',', start);
        String cell = comma < 0 ? line.substring(start) : line.substring(start, comma);
        if (count < cells.length) {
          cells[count] = cell;
        }
        count++;
        if (comma < 0) {
          return count;
        }
        start = comma + 1;
      }
    }
  }
}
