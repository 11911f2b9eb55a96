package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.model.PowerModel;

/**
 * What a node draws and how fast it runs in each state: the power curve while idle or busy,
 * a fixed draw while off or failed, nothing while its site is dark, the curve's half-load point while it boots; the clock the
 * tighter of its frequency cap and the clock its power cap allows at its load.
 *
 * @param curve node power by utilisation and clock ratio
 * @param minClockRatio the lowest clock a cap can set, over the maximum
 * @param offWatts the draw of a node that is off or failed (its BMC)
 * @param computeBoundShare the share of a job's run time that stretches as the clock falls
 */
record NodePower(PowerModel curve, double minClockRatio, double offWatts,
    double computeBoundShare) {
  private static final int BISECTION_STEPS = 40;

  double idleWatts() {
    return curve.powerWatts(0, 1);
  }

  double watts(byte state, double utilRatio, double clockRatio) {
    switch (state) {
      case NodeTable.OFF:
      case NodeTable.DOWN:
        return offWatts;
      case NodeTable.DARK:
        return 0;
      case NodeTable.BOOTING:
        return curve.powerWatts(0.5, 1);
      case NodeTable.IDLE:
        return curve.powerWatts(0, 1);
      case NodeTable.BUSY:
        return curve.powerWatts(utilRatio, clockRatio);
      default:
        throw new AssertionError(state);
    }
  }

  /**
   * The clock a node runs at: its frequency cap, lowered further so that at {@code utilRatio}
   * it draws no more than {@code powerCapW} (NaN: no power cap), never below the minimum
   * clock. A cap below what the node draws at the minimum clock leaves it at the minimum.
   */
  double clockRatio(double freqCapRatio, double powerCapW, double utilRatio) {
    double ratio = Math.max(minClockRatio, Math.min(1, freqCapRatio));
    if (Double.isNaN(powerCapW) || curve.powerWatts(utilRatio, ratio) <= powerCapW) {
      return ratio;
    }
    double low = minClockRatio;
    double high = ratio;
    if (curve.powerWatts(utilRatio, low) >= powerCapW) {
      return low;
    }
    for (int step = 0; step < BISECTION_STEPS; step++) {
      double mid = (low + high) / 2;
      if (curve.powerWatts(utilRatio, mid) <= powerCapW) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * Work done per second at {@code clockRatio}, over full speed: the compute-bound share of
   * the run stretches by {@code 1 / clock}, the rest does not.
   */
  double progressRate(double clockRatio) {
    return 1 / (computeBoundShare / clockRatio + (1 - computeBoundShare));
  }
}
