package dev.kelvin.simulator.failure;

/**
 * How often a node fails and how long its repair takes: a renewal process of Weibull gaps of
 * up time, stretched per node by a rate multiplier drawn from a gamma of mean 1, each failure
 * followed by a lognormal repair.
 *
 * @param weibullShape the shape of the time between failures of one node (below 1: bursty)
 * @param weibullScaleS its scale in seconds, for a node of multiplier 1
 * @param rateMultiplierVariance the variance of the per-node rate multiplier (a gamma of mean
 *     1 and shape {@code 1 / variance}); 0 gives every node the same rate
 * @param repairMuLnS the mean of the natural log of the repair time in seconds
 * @param repairSigma the standard deviation of that log
 * @param hardwareShare the share of failures with a hardware root cause, 0 to 1
 */
public record FailureModel(double weibullShape, double weibullScaleS,
    double rateMultiplierVariance, double repairMuLnS, double repairSigma, double hardwareShare) {

  /**
   * LANL system 18 (1,024 four-way compute nodes, 3,997 records, May 2002 to September 2005),
   * as {@link FailureFit} finds it, rounded to four significant figures; a test refits it from
   * the log.
   */
  public static final FailureModel LANL_SYSTEM_18 =
      new FailureModel(0.7592, 2.304e7, 0.3116, 8.288, 1.221, 0.7448);

  public FailureModel {
    weibull(weibullShape, weibullScaleS);
    if (!(rateMultiplierVariance >= 0) || Double.isInfinite(rateMultiplierVariance)) {
      throw new IllegalArgumentException("rateMultiplierVariance must be >= 0 and finite, was "
          + rateMultiplierVariance + " (0 gives every node the same rate)");
    }
    if (!Double.isFinite(repairMuLnS) || !(repairSigma >= 0) || Double.isInfinite(repairSigma)) {
      throw new IllegalArgumentException("repairMuLnS must be finite and repairSigma >= 0, was "
          + repairMuLnS + ", " + repairSigma + " (mu is of ln seconds, not of minutes)");
    }
    if (!(hardwareShare >= 0 && hardwareShare <= 1)) {
      throw new IllegalArgumentException("hardwareShare must be a ratio 0-1, was " + hardwareShare
          + " (a percentage?)");
    }
  }

  private static Weibull weibull(double shape, double scaleS) {
    return new Weibull(shape, scaleS);
  }

  /** The time between failures of a node of rate multiplier 1. */
  public Weibull gaps() {
    return new Weibull(weibullShape, weibullScaleS);
  }

  /** The mean up time between failures of a node of rate multiplier 1, in seconds. */
  public double meanGapS() {
    return gaps().meanS();
  }

  /** The mean repair time in seconds. */
  public double meanRepairS() {
    return Math.exp(repairMuLnS + repairSigma * repairSigma / 2);
  }
}
