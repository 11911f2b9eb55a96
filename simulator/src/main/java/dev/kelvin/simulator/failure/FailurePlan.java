package dev.kelvin.simulator.failure;

import dev.kelvin.simulator.random.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The failures of every node of a site within a horizon, drawn from a {@link FailureModel}.
 *
 * <p>Each node has its own random stream (from the seed and the node's index, so adding nodes
 * leaves the first nodes' failures as they were). It draws a rate multiplier from a gamma of
 * mean 1 and the model's variance, then runs a renewal process: Weibull gaps of up time
 * divided by the multiplier and by {@code rateScale}, each failure followed by a lognormal
 * repair, the next gap counted from the end of the repair. The site is taken to have been in
 * production for a while when the run starts: the first failure is the Weibull's forward
 * recurrence time (see {@link Weibull#drawResidual}), so the expected failures per node are
 * the horizon over the mean up time plus repair from the start, not only in the long run.
 */
public final class FailurePlan {
  private static final Comparator<PlannedFailure> ORDER =
      Comparator.comparingDouble(PlannedFailure::atS).thenComparingInt(PlannedFailure::node);

  private FailurePlan() {
  }

  /**
   * Every failure that starts within {@code [0, horizonS)}, sorted by time, then node.
   *
   * @param rateScale a factor on every node's failure rate: 1 as fitted, 2 for "what if
   *     failures double"; 0 for none
   */
  public static List<PlannedFailure> draw(int nodes, double horizonS, long seed,
      FailureModel model, double rateScale) {
    if (nodes < 0) {
      throw new IllegalArgumentException("nodes must be >= 0, was " + nodes);
    }
    if (!(horizonS >= 0) || Double.isInfinite(horizonS)) {
      throw new IllegalArgumentException("horizonS must be >= 0 s and finite, was " + horizonS);
    }
    if (!(rateScale >= 0) || Double.isInfinite(rateScale)) {
      throw new IllegalArgumentException("rateScale must be >= 0 and finite, was " + rateScale
          + " (1 is the fitted rate)");
    }
    List<PlannedFailure> plan = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      drawNode(node, horizonS, Seeds.stream(seed, "failures", Integer.toString(node)), model,
          rateScale, plan);
    }
    plan.sort(ORDER);
    return plan;
  }

  /** The rate multiplier a node draws: a gamma of mean 1 and the model's variance. */
  static double multiplier(SplittableRandom random, FailureModel model) {
    double variance = model.rateMultiplierVariance();
    return variance == 0 ? 1 : Special.gamma(random, 1 / variance) * variance;
  }

  private static void drawNode(int node, double horizonS, SplittableRandom random,
      FailureModel model, double rateScale, List<PlannedFailure> plan) {
    double rate = multiplier(random, model) * rateScale;
    if (!(rate > 0)) {
      return;
    }
    Weibull gaps = model.gaps();
    double atS = gaps.drawResidual(random) / rate;
    while (atS < horizonS) {
      double repairS = Math.exp(model.repairMuLnS() + model.repairSigma() * random.nextGaussian());
      plan.add(new PlannedFailure(node, atS, repairS));
      atS += repairS + gaps.draw(random) / rate;
    }
  }
}
