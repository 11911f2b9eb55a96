package dev.kelvin.predictor.features;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A node's failure history as features, one definition for training on the real failure logs,
 * on simulated telemetry, and for serving. Only failures strictly before {@code now} count, so
 * a label's failure never leaks into its own features. A value that cannot be known is NaN
 * (missing), never 0: the time since the last failure of a node never seen to fail is
 * missing, not "just failed".
 *
 * <p>The counts grow with the time a node has been watched, so a model that learns "two
 * failures is a lot" early in a log misjudges every node later on; the yearly rate ({@code
 * history_failures_per_year}: failures so far over the time observed, unknown before a day has
 * passed) is the same measure early and late. {@code history_failures_1d} catches a node that
 * fails again right after a repair.
 */
public final class FailureHistoryFeatures {
  /** The feature names, in the order of {@link #values}. */
  public static final List<String> NAMES = List.of(
      "history_failures_total", "history_failures_7d", "history_failures_30d",
      "history_days_since_last_failure", "history_days_observed", "history_system_failures_1d",
      "history_failures_1d", "history_failures_per_year");

  private static final double DAY_S = 86_400;
  private static final double YEAR_DAYS = 365.25;

  private FailureHistoryFeatures() {}

  /**
   * The features of a node at {@code now}.
   *
   * @param failures the node's failure start times, sorted ascending; later ones are ignored
   * @param firstSeen when the node was first observed (the log's or the deployment's start)
   * @param systemFailuresLastDay failures of any node of the same system in the day before
   *     {@code now}, this node's included; NaN when unknown
   */
  public static double[] values(List<Instant> failures, Instant firstSeen, Instant now,
      double systemFailuresLastDay) {
    Objects.requireNonNull(failures, "failures");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(now, "now");
    int before = countBefore(failures, now);
    Instant dayAgo = now.minus(Duration.ofDays(1));
    Instant weekAgo = now.minus(Duration.ofDays(7));
    Instant monthAgo = now.minus(Duration.ofDays(30));
    int day = 0;
    int week = 0;
    int month = 0;
    for (int i = before - 1; i >= 0 && failures.get(i).isAfter(monthAgo); i--) {
      month++;
      week += failures.get(i).isAfter(weekAgo) ? 1 : 0;
      day += failures.get(i).isAfter(dayAgo) ? 1 : 0;
    }
    double sinceLast = before == 0 ? Double.NaN
        : seconds(failures.get(before - 1), now) / DAY_S;
    double observed = Math.max(0, seconds(firstSeen, now)) / DAY_S;
    double perYear = observed >= 1 ? before / observed * YEAR_DAYS : Double.NaN;
    return new double[] {before, week, month, sinceLast, observed, systemFailuresLastDay, day,
        perYear};
  }

  /** How many of the sorted {@code times} are strictly before {@code now}. */
  static int countBefore(List<Instant> times, Instant now) {
    int low = 0;
    int high = times.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times.get(mid).isBefore(now)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
