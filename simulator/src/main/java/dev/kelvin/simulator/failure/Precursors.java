package dev.kelvin.simulator.failure;

import dev.kelvin.simulator.random.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a node's sensors show as a failure nears, for the nodes of one {@link FailurePlan}.
 *
 * <p>Corrected memory errors are a counter: a healthy node counts at its own background rate
 * (the settings' rate times a multiplier of mean 1 drawn per node, so a noisy node is not
 * always a failing one); in the lead window before a failure that shows signals an extra rate
 * grows exponentially from 0 to {@code (peakFactor - 1)} times the mean background rate. The
 * counter is the whole part of the expected count plus a per-node phase, so it is a whole,
 * never-falling number. The CPU runs warmer by a drift that rises linearly from 0 to the peak
 * over the same window, and is 0 elsewhere. Which failures show signals is drawn per node with
 * the settings' share. Both readings are pure functions of the plan, the seed and the time, and
 * take a binary search over the node's failures.
 */
public final class Precursors {
  private static final double[] NONE = {};
  private final PrecursorSettings settings;
  private final double leadS;
  private final double meanRatePerS;
  private final double fullWindowErrors;
  private final double[] backgroundPerS;
  private final double[] phase;
  private final double[][] warnedFailS;
  private final double[][] errorsBefore;

  /** The signals of the failures in {@code plan}, for nodes 0 to {@code nodes - 1}. */
  public Precursors(List<PlannedFailure> plan, int nodes, long seed, PrecursorSettings settings) {
    this.settings = settings;
    this.leadS = settings.lead().toNanos() / 1e9;
    this.meanRatePerS = settings.backgroundErrorsPerHour() / 3600;
    this.fullWindowErrors = extraErrors(1);
    this.backgroundPerS = new double[nodes];
    this.phase = new double[nodes];
    this.warnedFailS = new double[nodes][];
    this.errorsBefore = new double[nodes][];
    double[][] failS = failuresByNode(plan, nodes);
    for (int node = 0; node < nodes; node++) {
      SplittableRandom random = Seeds.stream(seed, "precursors", Integer.toString(node));
      backgroundPerS[node] = meanRatePerS * -Math.log(1 - random.nextDouble());
      phase[node] = random.nextDouble();
      warnedFailS[node] = warned(failS[node], random);
      errorsBefore[node] = new double[warnedFailS[node].length + 1];
      for (int i = 0; i < warnedFailS[node].length; i++) {
        errorsBefore[node][i + 1] = errorsBefore[node][i] + fullWindowErrors;
      }
    }
  }

  private static double[][] failuresByNode(List<PlannedFailure> plan, int nodes) {
    int[] counts = new int[nodes];
    for (PlannedFailure failure : plan) {
      if (failure.node() >= nodes) {
        throw new IllegalArgumentException("the plan has a failure of node " + failure.node()
            + ", but the site has " + nodes + " nodes (0 to " + (nodes - 1) + ")");
      }
      counts[failure.node()]++;
    }
    double[][] byNode = new double[nodes][];
    for (int node = 0; node < nodes; node++) {
      byNode[node] = counts[node] == 0 ? NONE : new double[counts[node]];
      counts[node] = 0;
    }
    for (PlannedFailure failure : plan) {
      byNode[failure.node()][counts[failure.node()]++] = failure.atS();
    }
    for (double[] times : byNode) {
      Arrays.sort(times);
    }
    return byNode;
  }

  private double[] warned(double[] failS, SplittableRandom random) {
    double[] kept = new double[failS.length];
    int n = 0;
    for (double at : failS) {
      if (random.nextDouble() < settings.share()) {
        kept[n++] = at;
      }
    }
    return n == 0 ? NONE : Arrays.copyOf(kept, n);
  }

  /** Whether this failure of the plan shows signals before it. */
  public boolean showsPrecursors(PlannedFailure failure) {
    return Arrays.binarySearch(warnedFailS[failure.node()], failure.atS()) >= 0;
  }

  /** The node's corrected memory error counter at {@code tS} seconds (0 at or before 0). */
  public double correctableErrors(int node, double tS) {
    if (!(tS > 0)) {
      return Math.floor(phase[node]);
    }
    double[] fails = warnedFailS[node];
    int next = firstAfter(fails, tS);
    double expected = backgroundPerS[node] * tS + errorsBefore[node][next];
    for (int i = next; i < fails.length && fails[i] - leadS < tS; i++) {
      expected += extraErrors((tS - (fails[i] - leadS)) / leadS);
    }
    return Math.floor(expected + phase[node]);
  }

  /** How many degrees Celsius warmer the node's CPU runs at {@code tS} than it would. */
  public double tempDriftC(int node, double tS) {
    double[] fails = warnedFailS[node];
    int next = firstAfter(fails, tS);
    if (next == fails.length || fails[next] - leadS > tS) {
      return 0;
    }
    double into = (tS - (fails[next] - leadS)) / leadS;
    return settings.peakTempDriftC() * Math.max(0, into);
  }

  /** The index of the first time in {@code times} strictly after {@code tS}. */
  private static int firstAfter(double[] times, double tS) {
    int low = 0;
    int high = times.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times[mid] <= tS) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * The extra errors from the start of a window to a share {@code x} (0-1) of it: the integral
   * of {@code mean rate * (peakFactor^x - 1)} over the lead.
   */
  private double extraErrors(double x) {
    double p = settings.peakFactor();
    return meanRatePerS * leadS * ((Math.pow(p, x) - 1) / Math.log(p) - x);
  }
}
