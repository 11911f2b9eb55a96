package dev.kelvin.simulator.power;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link GpuPowerLimitCurve} from a Zeus {@code summary_power_<gpu>.csv} trace (one row
 * per workload and power limit: time per epoch and average power, each measured once). Only the
 * workloads measured at every limit count, so each point has the same mix; at each limit the
 * curve takes the median over them of the throughput ratio (time per epoch at the highest limit
 * over time at this limit) and of the average power.
 *
 * @param curve the fitted curve
 * @param workloads the workloads measured at every limit, which the medians are over
 * @param incompleteWorkloads the workloads left out for missing a limit
 */
public record ZeusPowerLimitFit(GpuPowerLimitCurve curve, int workloads,
    int incompleteWorkloads) {

  /** Fits the curve of one GPU model to its trace. */
  public static ZeusPowerLimitFit fit(Path summaryCsv, String gpu) {
    Map<String, Map<Double, double[]>> byWorkload =
        byWorkload(CsvTable.read(summaryCsv, StandardCharsets.UTF_8));
    TreeSet<Double> limits = new TreeSet<>();
    byWorkload.values().forEach(measured -> limits.addAll(measured.keySet()));
    List<Map<Double, double[]>> complete = byWorkload.values().stream()
        .filter(measured -> measured.keySet().equals(limits)).toList();
    if (complete.isEmpty() || limits.size() < 2) {
      throw new PowerDataException(summaryCsv + ": no workload measured at every power limit "
          + limits + " W (not a Zeus summary_power file?)");
    }
    return new ZeusPowerLimitFit(curve(gpu, limits, complete), complete.size(),
        byWorkload.size() - complete.size());
  }

  /** Workload -> power limit (W) -> {time per epoch (s), average power (W)}, sorted. */
  private static Map<String, Map<Double, double[]>> byWorkload(CsvTable table) {
    int[] key = {table.column("dataset"), table.column("network"), table.column("batch_size"),
        table.column("optimizer")};
    int limit = table.column("power_limit");
    int time = table.column("time_per_epoch");
    int power = table.column("average_power");
    Map<String, Map<Double, double[]>> byWorkload = new TreeMap<>();
    for (CsvRow row : table.rows()) {
      StringBuilder workload = new StringBuilder();
      for (int column : key) {
        workload.append(row.text(column)).append('/');
      }
      double[] measured = {row.number(time, "s"), row.number(power, "W")};
      if (!(measured[0] > 0)) {
        throw new PowerDataException(row.where(time) + " is " + measured[0] + ", expected a"
            + " time per epoch > 0 s");
      }
      double watts = row.number(limit, "W");
      if (byWorkload.computeIfAbsent(workload.toString(), w -> new TreeMap<>())
          .put(watts, measured) != null) {
        throw new PowerDataException(row.where(limit) + ": workload " + workload + " measured"
            + " twice at " + watts + " W");
      }
    }
    return byWorkload;
  }

  private static GpuPowerLimitCurve curve(String gpu, TreeSet<Double> limits,
      List<Map<Double, double[]>> workloads) {
    double top = limits.last();
    double[] limitsWatts = limits.stream().mapToDouble(Double::doubleValue).toArray();
    double[] throughput = new double[limitsWatts.length];
    double[] averageWatts = new double[limitsWatts.length];
    for (int i = 0; i < limitsWatts.length; i++) {
      double at = limitsWatts[i];
      throughput[i] = median(workloads.stream().mapToDouble(m -> m.get(top)[0] / m.get(at)[0]));
      averageWatts[i] = median(workloads.stream().mapToDouble(m -> m.get(at)[1]));
    }
    return new GpuPowerLimitCurve(gpu, limitsWatts, throughput, averageWatts);
  }

  private static double median(java.util.stream.DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  @Override
  public String toString() {
    return "ZeusPowerLimitFit[" + curve + ", " + workloads + " workloads, "
        + incompleteWorkloads + " incomplete] " + Arrays.toString(curve.limitsWatts());
  }
}
