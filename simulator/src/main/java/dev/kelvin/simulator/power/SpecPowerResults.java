package dev.kelvin.simulator.power;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published SPECpower_ssj2008 results ({@code ssj2008-results-20160613.csv}: 88 quoted CSV
 * columns, ISO-8859-1) as per-node {@link SpecPowerCurve}s, in file order. A row with a missing,
 * non-numeric or non-positive watt value, or a node, core or chip count that is not a whole
 * number of at least 1, is skipped and counted with its file, line and column; a file whose
 * shape is wrong (a missing column, a row of the wrong width, an open quote) stops the read.
 *
 * @param curves every usable result, in file order, each with the {@link DvfsExponent#HOTPOWER12}
 *     exponent
 * @param skipped where each skipped row was and why
 */
public record SpecPowerResults(List<SpecPowerCurve> curves, List<String> skipped) {
  /**
   * The default node for HPC scenarios: a 1U two-socket Intel Xeon E5-2699 v4 (Broadwell, 2 x 22
   * cores, 128 GB) server, result power_ssj2008-20160510-00731. The dual-socket Xeon E5 node was
   * the common HPC compute node of the time, this is the newest such generation in the results,
   * a single-node rack server measured alone, and its name is unique in the file.
   */
  public static final String DEFAULT_HPC_SERVER = "PowerEdge R630 (Intel Xeon E5-2699 v4 2.20 GHz)";

  private static final Logger LOG = LoggerFactory.getLogger(SpecPowerResults.class);
  private static final int CANDIDATES = 5;
  private static final List<String> WATT_COLUMNS = List.of("Average watts @ active idle",
      "Average watts@10% of target load", "Average watts @ 20% of target load",
      "Average watts @ 30% of target load", "Average watts @ 40% of target load",
      "Average watts @ 50% of target load", "Average watts @ 60% of target load",
      "Average watts @ 70% of target load", "Average watts @ 80% of target load",
      "Average watts @ 90% of target load", "Average watts @ 100% of target load");

  public SpecPowerResults {
    curves = List.copyOf(curves);
    skipped = List.copyOf(skipped);
  }

  /** Reads the results export. */
  public static SpecPowerResults read(Path csv) {
    return from(CsvTable.read(csv, StandardCharsets.ISO_8859_1));
  }

  /** Reads the results export from text; {@code file} names it in errors. */
  public static SpecPowerResults read(BufferedReader lines, String file) throws IOException {
    return from(CsvTable.read(lines, file));
  }

  private static SpecPowerResults from(CsvTable table) {
    Columns at = new Columns(table);
    List<SpecPowerCurve> curves = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (CsvRow row : table.rows()) {
      try {
        curves.add(curve(row, at));
      } catch (PowerDataException unusable) {
        skipped.add(unusable.getMessage());
      }
    }
    if (!skipped.isEmpty()) {
      LOG.info("SPECpower results: skipped {} of {} rows for an unusable value, the first: {}",
          skipped.size(), table.rows().size(), skipped.get(0));
    }
    return new SpecPowerResults(curves, skipped);
  }

  private static SpecPowerCurve curve(CsvRow row, Columns at) {
    int nodes = row.count(at.nodes);
    double[] watts = new double[SpecPowerCurve.POINTS];
    for (int i = 0; i < watts.length; i++) {
      watts[i] = row.numberOrNaN(at.watts[i]) / nodes;
      if (!(watts[i] > 0)) {
        throw new PowerDataException(row.where(at.watts[i]) + " is '" + row.text(at.watts[i])
            + "', not watts > 0");
      }
    }
    return new SpecPowerCurve(at.system(row, nodes), watts, DvfsExponent.HOTPOWER12);
  }

  /** How many rows were skipped for an unusable value. */
  public int skippedRows() {
    return skipped.size();
  }

  /**
   * The result a scenario names: its exact system name, else its result id or disclosure URL,
   * else the one system name that contains the query ignoring case.
   *
   * @throws IllegalArgumentException when no result or several match, naming up to 5 candidates
   */
  public SpecPowerCurve find(String query) {
    List<SpecPowerCurve> exact = matching(c -> c.system().name().equals(query));
    if (exact.isEmpty()) {
      exact = matching(c -> c.system().resultId().equals(query)
          || c.system().disclosureUrl().equals(query));
    }
    if (exact.size() == 1) {
      return exact.get(0);
    }
    if (exact.size() > 1) {
      throw ambiguous(query, exact);
    }
    String lower = query.toLowerCase(Locale.ROOT);
    List<SpecPowerCurve> partial =
        matching(c -> c.system().name().toLowerCase(Locale.ROOT).contains(lower));
    if (partial.size() == 1) {
      return partial.get(0);
    }
    if (partial.size() > 1) {
      throw ambiguous(query, partial);
    }
    throw new IllegalArgumentException("power.server '" + query + "' names no SPECpower_ssj2008"
        + " result (of " + curves.size() + "); closest: " + list(closest(lower))
        + " (a typo, or a system name from another list?)");
  }

  private List<SpecPowerCurve> matching(java.util.function.Predicate<SpecPowerCurve> test) {
    return curves.stream().filter(test).collect(Collectors.toList());
  }

  private static IllegalArgumentException ambiguous(String query, List<SpecPowerCurve> found) {
    return new IllegalArgumentException("power.server '" + query + "' matches " + found.size()
        + " SPECpower_ssj2008 results: " + list(found) + " (name one by its full system name or"
        + " its result id, e.g. " + found.get(0).system().resultId() + ")");
  }

  private List<SpecPowerCurve> closest(String lowerQuery) {
    List<String> words = Arrays.stream(lowerQuery.split("[^\\p{Alnum}]+"))
        .filter(word -> word.length() >= 3).collect(Collectors.toList());
    Comparator<SpecPowerCurve> byWordsShared = Comparator.comparingLong(c -> -words.stream()
        .filter(c.system().name().toLowerCase(Locale.ROOT)::contains).count());
    return curves.stream().sorted(byWordsShared).limit(CANDIDATES).collect(Collectors.toList());
  }

  private static String list(List<SpecPowerCurve> found) {
    String shown = found.stream().limit(CANDIDATES).map(c -> c.system().toString())
        .collect(Collectors.joining("; "));
    return found.size() > CANDIDATES ? shown + "; and " + (found.size() - CANDIDATES) + " more"
        : shown;
  }

  /** The column indexes this reader uses, found by header name. */
  private static final class Columns {
    final int name;
    final int vendor;
    final int processor;
    final int nodes;
    final int cores;
    final int chips;
    final int mhz;
    final int url;
    final int[] watts = new int[SpecPowerCurve.POINTS];

    Columns(CsvTable table) {
      name = table.column("System");
      vendor = table.column("Hardware Vendor");
      processor = table.column("Processor");
      nodes = table.column("Nodes");
      cores = table.column("Cores");
      chips = table.column("Chips");
      mhz = table.column("Processor MHz");
      url = table.column("Disclosure URL");
      for (int i = 0; i < watts.length; i++) {
        watts[i] = table.column(WATT_COLUMNS.get(i));
      }
    }

    SpecPowerSystem system(CsvRow row, int nodeCount) {
      return new SpecPowerSystem(row.text(name), row.text(vendor), row.text(processor),
          nodeCount, perNode(row, cores, nodeCount), perNode(row, chips, nodeCount),
          row.number(mhz, "MHz"), row.text(url));
    }

    private static int perNode(CsvRow row, int column, int nodeCount) {
      int total = row.count(column);
      if (total % nodeCount != 0) {
        throw new PowerDataException(row.where(column) + " is " + total + ", not a multiple of"
            + " the " + nodeCount + " nodes (is the Nodes column right?)");
      }
      return total / nodeCount;
    }
  }
}
