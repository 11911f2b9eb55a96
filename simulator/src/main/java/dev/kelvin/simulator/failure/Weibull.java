package dev.kelvin.simulator.failure;

import java.util.SplittableRandom;

/**
 * A Weibull distribution of times between failures: survival {@code exp(-(x/scale)^shape)}. A
 * shape below 1 is a falling hazard, the bursty failures Schroeder and Gibson (DSN 2006) find
 * in the LANL log; shape 1 is the exponential.
 *
 * @param shape the shape k, above 0
 * @param scaleS the scale in seconds, above 0
 */
public record Weibull(double shape, double scaleS) {
  public Weibull {
    if (!(shape > 0) || !(scaleS > 0) || Double.isInfinite(shape) || Double.isInfinite(scaleS)) {
      throw new IllegalArgumentException("a Weibull needs shape > 0 and scaleS > 0 s, was shape "
          + shape + ", scaleS " + scaleS);
    }
  }

  /** The maximum-likelihood fit to positive samples (the shape found by bisection). */
  public static Weibull fit(double[] samples) {
    double typical = 0;
    for (double x : samples) {
      if (!(x > 0) || Double.isInfinite(x)) {
        throw new IllegalArgumentException("Weibull samples must be > 0 and finite, was " + x);
      }
      typical += x / samples.length;
    }
    double[] y = new double[samples.length];
    double meanLog = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = samples[i] / typical;
      meanLog += Math.log(y[i]) / y.length;
    }
    double low = 1e-3;
    double high = 50;
    for (int step = 0; step < 200 && high - low > 1e-12; step++) {
      double mid = (low + high) / 2;
      if (profileScore(y, mid, meanLog) > 0) {
        high = mid;
      } else {
        low = mid;
      }
    }
    double shape = (low + high) / 2;
    double sum = 0;
    for (double v : y) {
      sum += Math.pow(v, shape);
    }
    return new Weibull(shape, typical * Math.pow(sum / y.length, 1 / shape));
  }

  /** The derivative of the profile log-likelihood in the shape, up to a positive factor. */
  private static double profileScore(double[] y, double shape, double meanLog) {
    double sum = 0;
    double weighted = 0;
    for (double v : y) {
      double p = Math.pow(v, shape);
      sum += p;
      weighted += p * Math.log(v);
    }
    return weighted / sum - 1 / shape - meanLog;
  }

  /** The log-likelihood of positive samples under this distribution. */
  public double logLikelihood(double[] samples) {
    double total = 0;
    for (double x : samples) {
      double z = x / scaleS;
      total += Math.log(shape / scaleS) + (shape - 1) * Math.log(z) - Math.pow(z, shape);
    }
    return total;
  }

  /** The log-likelihood of samples under the exponential of their own mean (its MLE). */
  public static double exponentialLogLikelihood(double[] samples) {
    double mean = 0;
    for (double x : samples) {
      mean += x / samples.length;
    }
    return -samples.length * (Math.log(mean) + 1);
  }

  public double meanS() {
    return scaleS * Math.exp(Special.lnGamma(1 + 1 / shape));
  }

  /** The squared coefficient of variation, variance over mean squared. */
  public double cv2() {
    double first = Special.lnGamma(1 + 1 / shape);
    return Math.exp(Special.lnGamma(1 + 2 / shape) - 2 * first) - 1;
  }

  /** A draw. */
  public double draw(SplittableRandom random) {
    return scaleS * Math.pow(-Math.log(1 - random.nextDouble()), 1 / shape);
  }

  /**
   * A draw of the time to the next failure seen from a random moment of a long-running renewal
   * process (the forward recurrence time, density {@code survival(x) / mean}): a length-biased
   * gap, whose {@code (x/scale)^shape} is Gamma(1 + 1/shape), times a uniform share of it.
   */
  public double drawResidual(SplittableRandom random) {
    double biased = scaleS * Math.pow(Special.gamma(random, 1 + 1 / shape), 1 / shape);
    return biased * random.nextDouble();
  }
}
