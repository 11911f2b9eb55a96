package dev.kelvin.simulator.failure;

import dev.kelvin.datasets.failure.FailureDataException;
import dev.kelvin.datasets.failure.LanlFailure;
import dev.kelvin.datasets.failure.RootCause;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link FailureModel} fitted to one system of the LANL log, with the figures behind it.
 *
 * <p>Records of the system's compute nodes are kept; a record marked Same Event, and one that
 * starts before the same node's previous outage has ended, belong to that earlier failure and
 * are not new ones (the second only lengthens the outage). Per node, the up time between the
 * end of one outage and the start of the next is a gap. The shape of the Weibull is the
 * maximum-likelihood fit to the gaps, each multiplied by its node's failure count over the mean
 * count, so that it measures how bursty one node's failures are and not how nodes differ. The
 * scale is then set so the mean up time matches the observed rate: the system's span from its
 * first to its last record, over the mean failures per node, less the mean repair. The rate
 * multiplier's variance comes from the spread of failures per node (nodes with none included):
 * a renewal process of gap variation {@code cv2} over {@code n} expected failures has a count
 * variance of about {@code cv2 n}; what the counts vary beyond that, over {@code n^2}, is the
 * variance of the multiplier. The counts are winsorized at their 99.5th percentile first: in
 * system 18 node 0 alone (116 failures, three times the next node) would make up more than half
 * of the count variance. The repair is the lognormal MLE on the downtimes in seconds.
 *
 * @param model the fitted model
 * @param failures the failures counted (after merging)
 * @param merged records merged into an earlier failure of the same node
 * @param nodes the system's node count
 * @param spanS the span of the system's records, first start to last start, in seconds
 * @param perNodeFailures the failures of each node, by node number
 * @param gapsS the per-node gaps of up time in seconds, as observed
 * @param normalizedGapsS the gaps each times its node's count over the mean count
 */
public record FailureFit(FailureModel model, int failures, int merged, int nodes, double spanS,
    int[] perNodeFailures, double[] gapsS, double[] normalizedGapsS) {
  private static final double WINSOR_QUANTILE = 0.995;

  /** Fits the model to the compute nodes of {@code system} in the log. */
  public static FailureFit of(List<LanlFailure> log, int system) {
    List<LanlFailure> records = computeRecords(log, system);
    int nodes = records.get(0).systemNodes().orElseThrow();
    List<List<LanlFailure>> byNode = byNode(records, nodes, system);
    int[] counts = new int[nodes];
    List<double[]> gaps = new ArrayList<>();
    int merged = 0;
    for (int node = 0; node < nodes; node++) {
      long lastEnd = Long.MIN_VALUE;
      for (LanlFailure failure : byNode.get(node)) {
        long start = failure.startedAt().getEpochSecond();
        long end = failure.endedAt().getEpochSecond();
        if (failure.sameEvent() || start <= lastEnd) {
          merged++;
          lastEnd = Math.max(lastEnd, end);
          continue;
        }
        if (lastEnd != Long.MIN_VALUE) {
          gaps.add(new double[] {node, start - lastEnd});
        }
        counts[node]++;
        lastEnd = end;
      }
    }
    return assemble(records, counts, gaps, merged);
  }

  private static FailureFit assemble(List<LanlFailure> records, int[] counts, List<double[]> gaps,
      int merged) {
    int nodes = counts.length;
    int failures = 0;
    for (int count : counts) {
      failures += count;
    }
    double meanCount = (double) failures / nodes;
    double[] raw = new double[gaps.size()];
    double[] normalized = new double[gaps.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = gaps.get(i)[1];
      normalized[i] = raw[i] * counts[(int) gaps.get(i)[0]] / meanCount;
    }
    double shape = Weibull.fit(normalized).shape();
    LogNormalFit repair = LogNormalFit.of(records);
    double spanS = records.get(records.size() - 1).startedAt().getEpochSecond()
        - records.get(0).startedAt().getEpochSecond();
    double meanUpS = spanS / meanCount - repair.meanS();
    double scaleS = meanUpS / Math.exp(Special.lnGamma(1 + 1 / shape));
    double variance = multiplierVariance(counts, new Weibull(shape, scaleS).cv2());
    long hardware = records.stream().filter(r -> r.cause() == RootCause.HARDWARE).count();
    FailureModel model = new FailureModel(shape, scaleS, variance, repair.mu(), repair.sigma(),
        (double) hardware / records.size());
    return new FailureFit(model, failures, merged, nodes, spanS, counts, raw, normalized);
  }

  private static List<LanlFailure> computeRecords(List<LanlFailure> log, int system) {
    List<LanlFailure> records = new ArrayList<>();
    for (LanlFailure failure : log) {
      if (failure.system() == system && failure.isCompute() && failure.node().isPresent()
          && failure.systemNodes().isPresent()) {
        records.add(failure);
      }
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException("system " + system + " has no compute-node records"
          + " with a node number in the log (LANL systems are numbered 2 to 24)");
    }
    records.sort(Comparator.comparing(LanlFailure::startedAt));
    return records;
  }

  private static List<List<LanlFailure>> byNode(List<LanlFailure> records, int nodes,
      int system) {
    List<List<LanlFailure>> byNode = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      byNode.add(new ArrayList<>());
    }
    for (LanlFailure failure : records) {
      int node = failure.node().getAsInt();
      if (node >= nodes) {
        throw new FailureDataException("system " + system + " has " + nodes + " nodes, but a"
            + " record at " + failure.startedAt() + " names node " + node);
      }
      byNode.get(node).add(failure);
    }
    return byNode;
  }

  /**
   * The variance of the rate multiplier: the counts' variance beyond what a renewal process of
   * gap variation {@code cv2} gives, over the mean count squared; both moments of the counts
   * winsorized at their 99.5th percentile, so one extreme node cannot set the spread alone.
   */
  static double multiplierVariance(int[] counts, double cv2) {
    int[] sorted = counts.clone();
    Arrays.sort(sorted);
    int cap = sorted[(int) Math.ceil(WINSOR_QUANTILE * sorted.length) - 1];
    double mean = 0;
    for (int count : sorted) {
      mean += (double) Math.min(count, cap) / sorted.length;
    }
    double sum = 0;
    for (int count : sorted) {
      sum += (Math.min(count, cap) - mean) * (Math.min(count, cap) - mean);
    }
    double variance = sum / (sorted.length - 1);
    return Math.max(0, (variance - cv2 * mean) / (mean * mean));
  }

  /** The Weibull fitted by MLE to the gaps as observed, nodes pooled (as in the paper). */
  public Weibull pooledWeibull() {
    return Weibull.fit(gapsS);
  }

  /** The maximum-likelihood lognormal of downtimes, in ln seconds. */
  record LogNormalFit(double mu, double sigma) {
    static LogNormalFit of(List<LanlFailure> records) {
      double sum = 0;
      double squares = 0;
      int n = 0;
      for (LanlFailure failure : records) {
        if (failure.downtimeMinutes() > 0) {
          double x = Math.log(failure.downtimeMinutes() * 60.0);
          sum += x;
          squares += x * x;
          n++;
        }
      }
      double mu = sum / n;
      return new LogNormalFit(mu, Math.sqrt(Math.max(0, squares / n - mu * mu)));
    }

    double meanS() {
      return Math.exp(mu + sigma * sigma / 2);
    }
  }
}
