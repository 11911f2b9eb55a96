package dev.kelvin.simulator.power;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a CPU's dynamic power scales with its clock, {@code Pdyn(f) / Pdyn(fmax) = (f / fmax)^k},
 * fitted to measured processors.
 *
 * <p>Source: B. Balaji, J. McCullough, R. K. Gupta and Y. Agarwal, "Accurate characterization of
 * the variability in power consumption in modern mobile processors", USENIX HotPower 2012
 * ({@code hotpower12_power_vs_frequency.csv}: six processors of one model, p1..p6, at 1.199,
 * 1.733, 2.133 and 2.533 GHz). For each processor and workload (every SPEC CPU2006 benchmark and
 * {@code cpuload_all_25..100}), the dynamic power at a clock is the mean power minus the same
 * processor's mean idle power ({@code cpuload_all_0_4096}) at that clock; {@code k} is the least
 * squares slope through the origin of {@code ln(Pdyn(f)/Pdyn(fmax))} on {@code ln(f/fmax)},
 * pooled over every processor and workload measured at all four clocks.
 *
 * <p>The fit, about 0.7, is far below the {@code f^3} of ideal voltage scaling: this part's
 * voltage range is narrow and its measured power includes uncore that does not scale, as
 * E. Le Sueur and G. Heiser found ("Dynamic voltage and frequency scaling: the laws of
 * diminishing returns", HotPower 2010).
 */
public final class DvfsExponent {
  /** The fitted exponent, rounded; {@code DvfsExponentTest} refits it from the data. */
  public static final double HOTPOWER12 = 0.71;

  private static final String IDLE = "cpuload_all_0_4096";

  private DvfsExponent() {}

  /**
   * The pooled fit and its spread.
   *
   * @param exponent the pooled least-squares exponent
   * @param groups how many (processor, workload) groups it pooled
   * @param lowestGroup the smallest exponent one group alone gives
   * @param highestGroup the largest
   */
  public record Fit(double exponent, int groups, double lowestGroup, double highestGroup) {}

  /** Fits the exponent to the HotPower'12 measurements. */
  public static Fit fitHotPower12(Path csv) {
    CsvTable table = CsvTable.read(csv, StandardCharsets.US_ASCII);
    int processor = table.column("processor");
    int power = table.column("meanpower");
    int benchmark = table.column("benchmark");
    int frequency = table.column("frequency");
    // processor -> benchmark -> kHz -> {sum, count}; sorted maps keep the fit order fixed
    Map<String, Map<String, TreeMap<Long, double[]>>> means = new TreeMap<>();
    for (CsvRow row : table.rows()) {
      long khz = (long) row.number(frequency, "kHz");
      double[] sum = means.computeIfAbsent(row.text(processor), p -> new TreeMap<>())
          .computeIfAbsent(row.text(benchmark), b -> new TreeMap<>())
          .computeIfAbsent(khz, f -> new double[2]);
      sum[0] += row.number(power, "W");
      sum[1]++;
    }
    return fit(means);
  }

  private static Fit fit(Map<String, Map<String, TreeMap<Long, double[]>>> means) {
    double sumXy = 0;
    double sumXx = 0;
    int groups = 0;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (Map<String, TreeMap<Long, double[]>> byBenchmark : means.values()) {
      TreeMap<Long, double[]> idle = byBenchmark.get(IDLE);
      for (Map.Entry<String, TreeMap<Long, double[]>> workload : byBenchmark.entrySet()) {
        if (workload.getKey().equals(IDLE) || idle == null
            || !workload.getValue().keySet().equals(idle.keySet())) {
          continue;
        }
        double[] xy = slopeTerms(workload.getValue(), idle);
        if (xy == null) {
          continue;
        }
        sumXy += xy[0];
        sumXx += xy[1];
        groups++;
        lowest = Math.min(lowest, xy[0] / xy[1]);
        highest = Math.max(highest, xy[0] / xy[1]);
      }
    }
    if (groups == 0) {
      throw new PowerDataException("no processor has a workload and idle power measured at the"
          + " same clocks (not the HotPower'12 file?)");
    }
    return new Fit(sumXy / sumXx, groups, lowest, highest);
  }

  /**
   * Sum of x*y and x*x over the clocks below the top one, x = ln f ratio, y = ln Pdyn ratio;
   * null when a dynamic power is not above idle (noise swamps it; no such group in the file).
   */
  private static double[] slopeTerms(TreeMap<Long, double[]> load, TreeMap<Long, double[]> idle) {
    long top = load.lastKey();
    double topDynamic = mean(load.get(top)) - mean(idle.get(top));
    double[] terms = new double[2];
    for (long khz : List.copyOf(load.headMap(top).keySet())) {
      double x = Math.log((double) khz / top);
      double dynamic = mean(load.get(khz)) - mean(idle.get(khz));
      if (!(dynamic > 0 && topDynamic > 0)) {
        return null;
      }
      double y = Math.log(dynamic / topDynamic);
      terms[0] += x * y;
      terms[1] += x * x;
    }
    return terms;
  }

  private static double mean(double[] sumAndCount) {
    return sumAndCount[0] / sumAndCount[1];
  }
}
