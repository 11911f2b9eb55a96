package dev.kelvin.predictor.features;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import java.util.List;

/**
 * One node's window of readings as columns of what the window features read (time, CPU and
 * inlet temperature, power, clock, utilisation), and those features computed from them: the
 * one definition of {@link NodeTelemetryFeatures#windowValues}. A window arrives whole each
 * tick but differs from the last one by a reading or two at its end, so {@link #update} reads
 * only the readings after the newest one it holds and drops those that left at the start; a
 * tick's features then walk flat arrays instead of every reading's objects. The features are
 * the same numbers as from the window read whole: the same values in the same order through
 * the same arithmetic.
 *
 * <p>Readings are matched by identity: a window that no longer holds the newest reading held
 * (the node's latest reading was completed by a later part of its sample, or the node came
 * back), or whose start does not line up with what is held (a reading in between), is read
 * whole. About 60 bytes per reading held. Not thread-safe.
 */
final class WindowColumns {
  private static final int FIRST_CAPACITY = 16;
  private static final NodeMetric[] COLUMNS = {NodeMetric.CPU_TEMP_CELSIUS,
      NodeMetric.INLET_TEMP_CELSIUS, NodeMetric.POWER_WATTS, NodeMetric.CPU_FREQ_MHZ,
      NodeMetric.CPU_UTIL_RATIO};
  private static final int CPU = 0;
  private static final int INLET = 1;
  private static final int POWER = 2;
  private static final int UTIL = 4;

  private NodeReading[] readings = new NodeReading[FIRST_CAPACITY];
  private long[] seconds = new long[FIRST_CAPACITY];
  private int[] nanos = new int[FIRST_CAPACITY];
  private double[][] values = new double[COLUMNS.length][FIRST_CAPACITY];
  private int mask = FIRST_CAPACITY - 1;
  private int oldest;
  private int size;
  private long wholeReads;

  /** The columns of {@code window}, read whole. */
  static WindowColumns of(List<NodeReading> window) {
    WindowColumns columns = new WindowColumns();
    columns.update(window);
    return columns;
  }

  /**
   * Makes these columns hold {@code window} (oldest first, as a node's view keeps it), reading
   * only what changed at its ends when it continues the window held before.
   */
  void update(List<NodeReading> window) {
    int n = window.size();
    if (size > 0) {
      NodeReading newest = readings[(oldest + size - 1) & mask];
      int at = n - 1;
      while (at >= 0 && window.get(at) != newest) {
        at--;
      }
      int kept = at + 1;
      if (at >= 0 && kept <= size && readings[(oldest + size - kept) & mask] == window.get(0)) {
        drop(size - kept);
        for (int i = kept; i < n; i++) {
          append(window.get(i));
        }
        return;
      }
    }
    drop(size);
    wholeReads++;
    for (NodeReading reading : window) {
      append(reading);
    }
  }

  /** How many times a window was read whole (the first time included): for tests. */
  long wholeReads() {
    return wholeReads;
  }

  /** The readings held. */
  int size() {
    return size;
  }

  /**
   * The window features, in the order of {@link NodeTelemetryFeatures#WINDOW_NAMES}, into
   * {@code into} from index 0; each NaN where the readings do not carry what it needs. Each
   * statistic adds up its readings oldest first, as a plain loop over the readings would.
   *
   * @param scratch room for at least {@link #size()} values, overwritten
   * @throws IllegalStateException when no reading is held
   */
  void values(double[] into, double[] scratch) {
    if (size == 0) {
      throw new IllegalStateException("no reading held: a window has at least its latest one");
    }
    double[] minutes = minutesBeforeEnd(scratch);
    int k = 0;
    for (int m = 0; m < UTIL; m++) {
      stats(minutes, m, into, k);
      k += 3;
    }
    into[k++] = mean(values[UTIL]);
    resistanceStats(minutes, into, k);
  }

  /** As {@link #values(double[], double[])}, with scratch room of its own. */
  void values(double[] into) {
    values(into, new double[size]);
  }

  /** Each held reading's time before the latest one, in minutes (0 or less), oldest first. */
  private double[] minutesBeforeEnd(double[] minutes) {
    int end = (oldest + size - 1) & mask;
    long endSeconds = seconds[end];
    int endNanos = nanos[end];
    for (int i = 0; i < size; i++) {
      int k = (oldest + i) & mask;
      minutes[i] = -millisBetween(seconds[k], nanos[k], endSeconds, endNanos) / 60_000.0;
    }
    return minutes;
  }

  /**
   * Mean, maximum and least-squares slope per minute of the non-NaN values of column
   * {@code m}, into {@code into} at {@code k}, {@code k + 1} and {@code k + 2}: NaN where
   * there are no values, the slope NaN with fewer than two at distinct times.
   */
  private void stats(double[] minutes, int m, double[] into, int k) {
    double[] column = values[m];
    Fit fit = new Fit();
    for (int i = 0; i < size; i++) {
      fit.add(minutes[i], column[(oldest + i) & mask]);
    }
    into[k] = fit.mean();
    into[k + 1] = fit.count == 0 ? Double.NaN : fit.max;
    into[k + 2] = fit.slope();
  }

  /** The mean of the non-NaN values of {@code column}, NaN when there are none. */
  private double mean(double[] column) {
    int count = 0;
    double sum = 0;
    for (int i = 0; i < size; i++) {
      double value = column[(oldest + i) & mask];
      if (!Double.isNaN(value)) {
        count++;
        sum += value;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /**
   * Mean and slope of the thermal resistance ({@link NodeTelemetryFeatures#resistanceKPerKw})
   * of each held reading, into {@code into} at {@code k} and {@code k + 1}.
   */
  private void resistanceStats(double[] minutes, double[] into, int k) {
    Fit fit = new Fit();
    for (int i = 0; i < size; i++) {
      int at = (oldest + i) & mask;
      fit.add(minutes[i], NodeTelemetryFeatures.resistanceKPerKw(values[CPU][at],
          values[INLET][at], values[POWER][at]));
    }
    into[k] = fit.mean();
    into[k + 1] = fit.slope();
  }

  /** Running sums of a least-squares fit of values over time, NaN values left out. */
  private static final class Fit {
    private int count;
    private double sumT;
    private double sumV;
    private double sumTt;
    private double sumTv;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double t, double value) {
      if (!Double.isNaN(value)) {
        count++;
        sumT += t;
        sumV += value;
        sumTt += t * t;
        sumTv += t * value;
        max = Math.max(max, value);
      }
    }

    double mean() {
      return count == 0 ? Double.NaN : sumV / count;
    }

    double slope() {
      return WindowColumns.slope(count, sumT, sumV, sumTt, sumTv);
    }
  }

  /** The least-squares slope of the sums; NaN with fewer than two values at distinct times. */
  private static double slope(int count, double sumT, double sumV, double sumTt, double sumTv) {
    if (count < 2) {
      return Double.NaN;
    }
    double spread = sumTt - sumT * sumT / count;
    return spread > 1e-12 ? (sumTv - sumT * sumV / count) / spread : Double.NaN;
  }

  /**
   * What {@code Duration.between(from, to).toMillis()} gives, without a {@code Duration}: the
   * nanoseconds between, truncated toward zero to milliseconds.
   */
  static long millisBetween(long fromSeconds, int fromNanos, long toSeconds, int toNanos) {
    long nanosBetween = Math.addExact(Math.multiplyExact(Math.subtractExact(toSeconds,
        fromSeconds), 1_000_000_000L), toNanos - fromNanos);
    return nanosBetween / 1_000_000;
  }

  private void drop(int count) {
    for (int i = 0; i < count; i++) {
      readings[(oldest + i) & mask] = null;
    }
    oldest = (oldest + count) & mask;
    size -= count;
  }

  private void append(NodeReading reading) {
    if (size == readings.length) {
      grow();
    }
    int k = (oldest + size) & mask;
    readings[k] = reading;
    seconds[k] = reading.at().getEpochSecond();
    nanos[k] = reading.at().getNano();
    for (int m = 0; m < COLUMNS.length; m++) {
      values[m][k] = reading.metrics().getOrNaN(COLUMNS[m]);
    }
    size++;
  }

  private void grow() {
    int capacity = readings.length * 2;
    NodeReading[] newReadings = new NodeReading[capacity];
    long[] newSeconds = new long[capacity];
    int[] newNanos = new int[capacity];
    double[][] newValues = new double[COLUMNS.length][capacity];
    for (int i = 0; i < size; i++) {
      int k = (oldest + i) & mask;
      newReadings[i] = readings[k];
      newSeconds[i] = seconds[k];
      newNanos[i] = nanos[k];
      for (int m = 0; m < COLUMNS.length; m++) {
        newValues[m][i] = values[m][k];
      }
    }
    readings = newReadings;
    seconds = newSeconds;
    nanos = newNanos;
    values = newValues;
    mask = capacity - 1;
    oldest = 0;
  }
}
