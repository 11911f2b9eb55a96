package dev.kelvin.simulator.power;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a GPU power limit does to deep-learning training on one GPU model: the relative
 * throughput (time for the same work at the highest limit over the time at this limit) and the
 * average power drawn, interpolated linearly between the measured limits. Evaluating allocates
 * nothing.
 *
 * <p>Source: J. You, J.-W. Chung and M. Chowdhury, "Zeus: understanding and optimizing GPU
 * energy consumption of DNN training", USENIX NSDI 2023 (its {@code summary_power_<gpu>.csv}
 * traces). Each point is the median over the workloads (dataset, network, batch size,
 * optimizer) measured at every limit; {@link ZeusPowerLimitFit} recomputes it and
 * {@code GpuPowerLimitCurveTest} checks these tables against the files.
 */
public final class GpuPowerLimitCurve {
  /** NVIDIA A40, 47 workloads, 100..300 W. */
  public static final GpuPowerLimitCurve A40 = new GpuPowerLimitCurve("A40",
      new double[] {100, 125, 150, 175, 200, 225, 250, 275, 300},
      new double[] {0.358, 0.509, 0.755, 0.929, 0.958, 0.985, 0.989, 0.995, 1.0},
      new double[] {103.0, 117.5, 134.9, 146.7, 159.6, 172.2, 186.7, 190.4, 188.3});
  /** NVIDIA V100, 68 workloads, 100..250 W. */
  public static final GpuPowerLimitCurve V100 = new GpuPowerLimitCurve("V100",
      new double[] {100, 125, 150, 175, 200, 225, 250},
      new double[] {0.725, 0.853, 0.899, 0.941, 0.965, 0.987, 1.0},
      new double[] {93.5, 109.6, 125.3, 140.0, 156.2, 166.0, 176.9});
  /** NVIDIA P100, 45 workloads, 125..250 W. */
  public static final GpuPowerLimitCurve P100 = new GpuPowerLimitCurve("P100",
      new double[] {125, 150, 175, 200, 225, 250},
      new double[] {0.944, 0.965, 0.984, 0.995, 0.999, 1.0},
      new double[] {99.7, 102.1, 106.9, 110.7, 118.0, 120.3});
  /** NVIDIA Quadro RTX 6000, 51 workloads, 100..260 W. */
  public static final GpuPowerLimitCurve RTX6000 = new GpuPowerLimitCurve("RTX6000",
      new double[] {100, 125, 150, 175, 200, 225, 250, 260},
      new double[] {0.548, 0.821, 0.909, 0.951, 0.971, 0.982, 0.993, 1.0},
      new double[] {93.1, 116.2, 134.7, 150.1, 166.7, 182.3, 191.0, 193.2});

  /** Every built-in curve. */
  public static final List<GpuPowerLimitCurve> ALL = List.of(A40, V100, P100, RTX6000);

  private final String gpu;
  private final double[] limitsWatts;
  private final double[] throughputRatios;
  private final double[] averageWatts;

  /**
   * @param limitsWatts the measured limits, strictly ascending, at least two
   * @param throughputRatios the relative throughput at each limit, in (0, 2)
   * @param averageWatts the average power at each limit, > 0
   */
  public GpuPowerLimitCurve(String gpu, double[] limitsWatts, double[] throughputRatios,
      double[] averageWatts) {
    this.gpu = Objects.requireNonNull(gpu, "gpu");
    this.limitsWatts = limitsWatts.clone();
    this.throughputRatios = throughputRatios.clone();
    this.averageWatts = averageWatts.clone();
    int n = this.limitsWatts.length;
    if (n < 2 || this.throughputRatios.length != n || this.averageWatts.length != n) {
      throw new IllegalArgumentException(gpu + ": limitsWatts, throughputRatios and averageWatts"
          + " must have the same length, at least 2, had " + n + ", "
          + this.throughputRatios.length + " and " + this.averageWatts.length);
    }
    for (int i = 0; i < n; i++) {
      requirePoint(i);
    }
  }

  private void requirePoint(int i) {
    if (i > 0 && !(limitsWatts[i] > limitsWatts[i - 1])) {
      throw new IllegalArgumentException(gpu + ": limitsWatts must rise strictly, were "
          + Arrays.toString(limitsWatts));
    }
    if (!(throughputRatios[i] > 0 && throughputRatios[i] < 2)) {
      throw new IllegalArgumentException(gpu + ": throughputRatios must be within (0, 2), was "
          + throughputRatios[i] + " at " + limitsWatts[i] + " W (a percentage?)");
    }
    if (!(averageWatts[i] > 0) || Double.isInfinite(averageWatts[i])) {
      throw new IllegalArgumentException(gpu + ": averageWatts must be finite and > 0 W, was "
          + averageWatts[i] + " at " + limitsWatts[i] + " W");
    }
  }

  /** The built-in curve of a GPU model, by name ignoring case: A40, V100, P100, RTX6000. */
  public static GpuPowerLimitCurve of(String model) {
    for (GpuPowerLimitCurve curve : ALL) {
      if (curve.gpu.equalsIgnoreCase(model.trim())) {
        return curve;
      }
    }
    throw new IllegalArgumentException("GPU model '" + model + "' has no power-limit curve;"
        + " known: A40, V100, P100, RTX6000 (as the Zeus traces name them)");
  }

  /** Relative throughput at this limit: 1 at the highest limit, less below it. */
  public double throughputRatio(double limitWatts) {
    return interpolate(throughputRatios, limitWatts);
  }

  /** The average power the GPU draws under this limit while training. */
  public double averageWatts(double limitWatts) {
    return interpolate(averageWatts, limitWatts);
  }

  /** The limit clamped to the measured range, as the driver clamps a requested limit. */
  public double clampLimitWatts(double limitWatts) {
    return Math.max(minLimitWatts(), Math.min(maxLimitWatts(), limitWatts));
  }

  public double minLimitWatts() {
    return limitsWatts[0];
  }

  public double maxLimitWatts() {
    return limitsWatts[limitsWatts.length - 1];
  }

  public String gpu() {
    return gpu;
  }

  /** The measured limits (a copy). */
  public double[] limitsWatts() {
    return limitsWatts.clone();
  }

  private double interpolate(double[] values, double limitWatts) {
    if (!(limitWatts >= minLimitWatts() && limitWatts <= maxLimitWatts())) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "limitWatts must be within"
          + " the %s's measured %.0f..%.0f W, was %s (clamp it first, or a value in mW?)", gpu,
          minLimitWatts(), maxLimitWatts(), limitWatts));
    }
    int above = 1;
    while (limitsWatts[above] < limitWatts) {
      above++;
    }
    int below = above - 1;
    double share = (limitWatts - limitsWatts[below]) / (limitsWatts[above] - limitsWatts[below]);
    return values[below] + share * (values[above] - values[below]);
  }

  @Override
  public String toString() {
    return "GpuPowerLimitCurve[" + gpu + ", " + minLimitWatts() + ".." + maxLimitWatts() + " W]";
  }
}
