package dev.kelvin.simulator.failure;

import java.time.Duration;
import java.util.Objects;

/**
 * What a node shows before it fails. These are assumptions, not fits (see the simulator's
 * failure notes): the log has no sensor data.
 *
 * @param lead how long before a failure its signals begin
 * @param share the share of failures that show signals at all, 0 to 1 (the rest come without
 *     warning)
 * @param backgroundErrorsPerHour corrected memory errors per hour of a healthy node of average
 *     background (each node draws its own multiplier of mean 1)
 * @param peakFactor how many times the background rate the added error rate reaches at the
 *     failure, growing exponentially over the lead; above 1
 * @param peakTempDriftC how many degrees Celsius the CPU runs warmer at the failure, growing
 *     linearly over the lead
 */
public record PrecursorSettings(Duration lead, double share, double backgroundErrorsPerHour,
    double peakFactor, double peakTempDriftC) {
  public static final Duration DEFAULT_LEAD = Duration.ofMinutes(30);
  public static final double DEFAULT_BACKGROUND_ERRORS_PER_HOUR = 0.5;
  public static final double DEFAULT_PEAK_FACTOR = 400;
  public static final double DEFAULT_PEAK_TEMP_DRIFT_C = 3;

  public PrecursorSettings {
    Objects.requireNonNull(lead, "lead");
    if (lead.isNegative() || lead.isZero()) {
      throw new IllegalArgumentException("lead must be a positive duration, was " + lead);
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be a ratio 0-1, was " + share
          + " (a percentage?)");
    }
    if (!(backgroundErrorsPerHour >= 0) || Double.isInfinite(backgroundErrorsPerHour)) {
      throw new IllegalArgumentException("backgroundErrorsPerHour must be >= 0 errors/h, was "
          + backgroundErrorsPerHour);
    }
    if (!(peakFactor > 1) || Double.isInfinite(peakFactor)) {
      throw new IllegalArgumentException("peakFactor must be > 1 (times the background rate),"
          + " was " + peakFactor);
    }
    if (!(peakTempDriftC >= 0) || Double.isInfinite(peakTempDriftC)) {
      throw new IllegalArgumentException("peakTempDriftC must be >= 0 degrees C, was "
          + peakTempDriftC);
    }
  }

  /** The defaults, with the share of the model's failures that had a hardware cause. */
  public static PrecursorSettings defaults(FailureModel model) {
    return new PrecursorSettings(DEFAULT_LEAD, model.hardwareShare(),
        DEFAULT_BACKGROUND_ERRORS_PER_HOUR, DEFAULT_PEAK_FACTOR, DEFAULT_PEAK_TEMP_DRIFT_C);
  }
}
