package dev.kelvin.simulator.failure;

import java.util.SplittableRandom;

/** The few special functions and draws the failure models need, written out. */
final class Special {
  private static final double[] LANCZOS = {676.5203681218851, -1259.1392167224028,
      771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
      9.9843695780195716e-6, 1.5056327351493116e-7};

  private Special() {
  }

  /** ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, 9 terms; about 15 digits). */
  static double lnGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
    }
    double z = x - 1;
    double sum = 0.99999999999980993;
    for (int i = 0; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i + 1);
    }
    double t = z + LANCZOS.length - 0.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /**
   * A Gamma(shape, 1) draw: Marsaglia and Tsang (ACM TOMS 26(3), 2000) for shape >= 1, and
   * their boost {@code Gamma(shape + 1) * U^(1/shape)} below 1.
   */
  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1 - random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
