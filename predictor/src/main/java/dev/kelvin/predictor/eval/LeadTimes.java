package dev.kelvin.predictor.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long before each caught event the score first crossed the threshold. An event (a node's
 * failure) is seen through the examples anchored within the horizon before it; it is caught
 * when at least one of them is flagged, and its lead time is the time from the earliest flagged
 * one to the event.
 *
 * @param events the events seen
 * @param leadSeconds the lead time of every caught event, ascending
 */
public record LeadTimes(int events, double[] leadSeconds) {
  public LeadTimes {
    leadSeconds = leadSeconds.clone();
    Arrays.sort(leadSeconds);
  }

  public int caught() {
    return leadSeconds.length;
  }

  /** The share of the events caught; NaN without events. */
  public double recall() {
    return events > 0 ? (double) caught() / events : Double.NaN;
  }

  public double medianSeconds() {
    return quantileSeconds(0.5);
  }

  /**
   * The {@code q} quantile of the lead times, interpolated linearly between order statistics
   * (type 7 of Hyndman and Fan, the default of R and NumPy); NaN when nothing was caught.
   */
  public double quantileSeconds(double q) {
    return Quantiles.of(leadSeconds, q);
  }

  /** Collects examples event by event; {@code build} gives the lead times. */
  public static final class Builder {
    private final Map<Object, double[]> earliest = new HashMap<>();

    /**
     * One example anchored {@code secondsBefore} its event.
     *
     * @param event what identifies the event, equal for all of its examples
     * @param flagged whether the example's score is at or above the threshold
     */
    public Builder add(Object event, double secondsBefore, boolean flagged) {
      Objects.requireNonNull(event, "event");
      if (!(secondsBefore >= 0)) {
        throw new IllegalArgumentException("secondsBefore must be >= 0 s, was " + secondsBefore
            + " (an example anchored after its event?)");
      }
      double[] lead = earliest.computeIfAbsent(event, e -> new double[] {Double.NaN});
      if (flagged && !(lead[0] >= secondsBefore)) {
        lead[0] = secondsBefore;
      }
      return this;
    }

    public LeadTimes build() {
      return new LeadTimes(earliest.size(), earliest.values().stream()
          .mapToDouble(lead -> lead[0]).filter(lead -> !Double.isNaN(lead)).toArray());
    }
  }
}
