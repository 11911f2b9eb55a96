package dev.kelvin.predictor.features;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.predictor.features.FeatureResult.Extracted;
import dev.kelvin.predictor.features.FeatureResult.SkipReason;
import dev.kelvin.predictor.features.FeatureResult.Skipped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a node's recent readings (oldest first, ending with the latest, about one a second)
 * into a {@link PowerFeatureVector}. The same extractor serves training and live prediction, so
 * a model sees features computed the same way in both.
 *
 * <p>Only the readings of the last {@code window} count. A window is too short when those
 * readings reach back less than 90 % of {@code window} or number fewer than 3. The latest
 * reading must carry power, utilisation, frequency cap and maximum, and need carry no
 * temperature; power and utilisation must be present in at least half the window's readings,
 * and their means and the power slope are taken over the readings that carry them. Anything
 * less skips the node with a reason: nothing is ever filled in with 0. Stateless and
 * thread-safe.
 */
public final class PowerFeatures {
  /** A window must reach back at least this share of its duration. */
  static final double MIN_COVERAGE = 0.9;
  /** A window needs at least this many readings (a slope needs more than two). */
  static final int MIN_READINGS = 3;

  private static final List<NodeMetric> LATEST_REQUIRED = List.of(NodeMetric.POWER_WATTS,
      NodeMetric.CPU_UTIL_RATIO, NodeMetric.CPU_FREQ_CAP_MHZ, NodeMetric.CPU_FREQ_MAX_MHZ);

  private final Duration window;

  /**
   * @param window how far back the means and the slope look, e.g. 30 s
   */
  public PowerFeatures(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("feature window must be at least 1 s, was " + window
          + " (readings arrive about once a second, so a shorter window holds one reading)");
    }
    this.window = window;
  }

  public Duration window() {
    return window;
  }

  /** The features of {@code view}'s window; staleness is the caller's business. */
  public FeatureResult extract(NodeView view) {
    return extract(view.window());
  }

  /**
   * The features of {@code readings}, oldest first and ending with the latest reading.
   *
   * @return the features, or why there are none
   */
  public FeatureResult extract(List<NodeReading> readings) {
    if (readings.isEmpty()) {
      return new Skipped(SkipReason.TOO_SHORT, "no readings");
    }
    NodeReading latest = readings.get(readings.size() - 1);
    List<String> missing = missingFromLatest(latest);
    if (!missing.isEmpty()) {
      return new Skipped(SkipReason.MISSING_METRIC, "latest reading of " + latest.node()
          + " lacks " + String.join(", ", missing));
    }
    int first = firstInWindow(readings, latest.at().minus(window));
    Duration covered = Duration.between(readings.get(first).at(), latest.at());
    int count = readings.size() - first;
    if (count < MIN_READINGS || covered.toNanos() < window.toNanos() * MIN_COVERAGE) {
      return new Skipped(SkipReason.TOO_SHORT, count + " readings of " + latest.node()
          + " cover " + covered + " of the " + window + " feature window");
    }
    return summarise(readings.subList(first, readings.size()), latest);
  }

  private FeatureResult summarise(List<NodeReading> span, NodeReading latest) {
    Series power = new Series(NodeMetric.POWER_WATTS);
    Series util = new Series(NodeMetric.CPU_UTIL_RATIO);
    Instant end = latest.at();
    for (NodeReading reading : span) {
      double t = -nanosBetween(reading.at(), end) / 1e9;
      power.add(t, reading.metrics().getOrNaN(NodeMetric.POWER_WATTS));
      util.add(t, reading.metrics().getOrNaN(NodeMetric.CPU_UTIL_RATIO));
    }
    for (Series series : List.of(power, util)) {
      if (series.count * 2 < span.size() || !series.hasSpread()) {
        return new Skipped(SkipReason.MISSING_METRIC, series.metric.wireName()
            + " is present in only " + series.count + " of " + span.size() + " readings of "
            + latest.node() + " in the last " + window);
      }
    }
    double capRatio = latest.metrics().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ)
        / latest.metrics().getOrNaN(NodeMetric.CPU_FREQ_MAX_MHZ);
    return new Extracted(new PowerFeatureVector(
        latest.metrics().getOrNaN(NodeMetric.POWER_WATTS), power.mean(), power.slopePerSecond(),
        latest.metrics().getOrNaN(NodeMetric.CPU_UTIL_RATIO), util.mean(), capRatio));
  }

  /**
   * {@code Duration.between(from, to).toNanos()} without the two objects it builds: this runs
   * for every reading of every node on every tick.
   */
  private static long nanosBetween(Instant from, Instant to) {
    return (to.getEpochSecond() - from.getEpochSecond()) * 1_000_000_000L
        + (to.getNano() - from.getNano());
  }

  private static List<String> missingFromLatest(NodeReading latest) {
    List<String> missing = new ArrayList<>(0);
    for (NodeMetric metric : LATEST_REQUIRED) {
      if (!latest.metrics().has(metric)) {
        missing.add(metric.wireName());
      }
    }
    return missing;
  }

  /** The index of the oldest reading at or after {@code from}; readings are oldest first. */
  private static int firstInWindow(List<NodeReading> readings, Instant from) {
    int first = readings.size() - 1;
    while (first > 0 && !readings.get(first - 1).at().isBefore(from)) {
      first--;
    }
    return first;
  }

  /**
   * Sums over the readings that carry one metric, with times in seconds before the latest;
   * filled by one pass over the window that serves every metric.
   */
  private static final class Series {
    final NodeMetric metric;
    int count;
    double sumTime;
    double sumValue;
    double sumTimeTime;
    double sumTimeValue;

    Series(NodeMetric metric) {
      this.metric = metric;
    }

    /** Counts {@code value} at {@code t} seconds, unless it is NaN (the metric is absent). */
    void add(double t, double value) {
      if (!Double.isNaN(value)) {
        count++;
        sumTime += t;
        sumValue += value;
        sumTimeTime += t * t;
        sumTimeValue += t * value;
      }
    }

    double mean() {
      return sumValue / count;
    }

    /** Whether the readings span more than one instant, so that a slope exists. */
    boolean hasSpread() {
      return count >= MIN_READINGS && sumSquaredTimeDeviation() > 1e-9;
    }

    /** The ordinary least-squares slope of value against time, per second. */
    double slopePerSecond() {
      double covariance = sumTimeValue - sumTime * sumValue / count;
      return covariance / sumSquaredTimeDeviation();
    }

    private double sumSquaredTimeDeviation() {
      return sumTimeTime - sumTime * sumTime / count;
    }
  }
}
