package dev.kelvin.bench.cloudsim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one replay runs: the trace, the site's size, how often power is sampled and the host's
 * power curve.
 *
 * @param trace a Standard Workload Format file, plain or gzip-compressed
 * @param hosts one-PE hosts in the datacenter
 * @param sampleEveryS seconds between power samples; 0 samples nothing and takes the energy
 *     from the CPU-seconds the cloudlets used
 * @param jobsLimit the first jobs of the trace to replay; 0 replays them all
 * @param wattsCurve the host's power at 0, 10, ..., 100 % CPU, in watts (11 values)
 */
public record ReplayOptions(Path trace, int hosts, long sampleEveryS, int jobsLimit,
    double[] wattsCurve) {
  /** SPECpower curve points: 0 %, 10 %, ..., 100 % load. */
  public static final int CURVE_POINTS = 11;

  /**
   * The IBM System x3550 M3 (2 x Xeon X5675, 16 GB) of SPECpower_ssj2008 result
   * power_ssj2008-20110406-00368, as CloudSim Plus's PowerModelSpecPowerIbmX3550XeonX5675
   * (reference data: specpower-ssj2008/cloudsim-power-models.csv).
   */
  static final double[] IBM_X3550_XEON_X5675_WATTS =
      {58.4, 98, 109, 118, 128, 140, 153, 170, 189, 205, 222};

  public ReplayOptions {
    if (hosts < 1) {
      throw new IllegalArgumentException("--hosts must be >= 1, was " + hosts);
    }
    if (sampleEveryS < 0) {
      throw new IllegalArgumentException("--sample-every must be >= 0 s (0 samples nothing),"
          + " was " + sampleEveryS);
    }
    if (jobsLimit < 0) {
      throw new IllegalArgumentException("--jobs-limit must be >= 0 (0 replays every job),"
          + " was " + jobsLimit);
    }
    if (wattsCurve.length != CURVE_POINTS) {
      throw new IllegalArgumentException("--watts needs " + CURVE_POINTS + " values (0, 10,"
          + " ..., 100 % load), got " + wattsCurve.length);
    }
    wattsCurve = wattsCurve.clone();
  }

  @Override
  public double[] wattsCurve() {
    return wattsCurve.clone();
  }

  /**
   * Reads {@code --trace FILE --hosts N --sample-every SECONDS [--jobs-limit N]
   * [--watts W0,W10,...,W100]}.
   *
   * @throws IllegalArgumentException naming the flag and what is wrong with it
   */
  public static ReplayOptions parse(String... args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("flags come in pairs (--flag value), got "
          + List.of(args));
    }
    Path trace = null;
    Integer hosts = null;
    Long sampleEvery = null;
    int jobsLimit = 0;
    double[] watts = IBM_X3550_XEON_X5675_WATTS;
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--trace" -> trace = Path.of(value);
        case "--hosts" -> hosts = (int) whole("--hosts", value);
        case "--sample-every" -> sampleEvery = whole("--sample-every", value);
        case "--jobs-limit" -> jobsLimit = (int) whole("--jobs-limit", value);
        case "--watts" -> watts = watts(value);
        default -> throw new IllegalArgumentException("unknown flag " + args[i]
            + " (known: --trace, --hosts, --sample-every, --jobs-limit, --watts)");
      }
    }
    if (trace == null || hosts == null || sampleEvery == null) {
      throw new IllegalArgumentException("--trace, --hosts and --sample-every are required");
    }
    if (!Files.isReadable(trace)) {
      throw new IllegalArgumentException("--trace " + trace + " is not a readable file");
    }
    return new ReplayOptions(trace, hosts, sampleEvery, jobsLimit, watts);
  }

  private static long whole(String flag, String value) {
    try {
      return Math.toIntExact(Long.parseLong(value));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(flag + " must be a whole number, was '" + value + "'",
          e);
    }
  }

  private static double[] watts(String value) {
    try {
      return Arrays.stream(value.split(",")).map(String::strip).mapToDouble(Double::parseDouble)
          .toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--watts must be " + CURVE_POINTS + " numbers in"
          + " watts separated by commas, was '" + value + "'", e);
    }
  }
}
