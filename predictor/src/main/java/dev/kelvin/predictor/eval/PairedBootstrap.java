package dev.kelvin.predictor.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How sure a PR-AUC gain is: the difference of two scorings' average precision on the same
 * examples, recomputed on resamples that draw whole groups (a node's examples) with
 * replacement, since one node's examples on consecutive days are not independent. The interval
 * is the percentile interval of the resampled differences. With fewer than {@value #MIN_GROUPS}
 * groups the resamples would only repeat the few there are, so the interval is left unknown.
 */
public final class PairedBootstrap {
  static final int MIN_GROUPS = 10;

  private PairedBootstrap() {}

  /**
   * The {@code level} interval of {@code AP(a) - AP(b)}.
   *
   * @param groups each example's group, 0 to the number of groups - 1
   * @param resamples how many resamples; 0 gives an unknown interval
   */
  public static Interval prAucDifference(double[] a, double[] b, boolean[] labels,
      double[] weights, int[] groups, int resamples, long seed, double level) {
    if (resamples <= 0) {
      return Interval.unknown(level);
    }
    List<int[]> members = members(groups);
    if (members.size() < MIN_GROUPS) {
      return Interval.unknown(level);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] differences = new double[resamples];
    int kept = 0;
    for (int r = 0; r < resamples; r++) {
      int[] rows = resample(members, random);
      double first = average(a, labels, weights, rows);
      double second = average(b, labels, weights, rows);
      if (!Double.isNaN(first) && !Double.isNaN(second)) {
        differences[kept++] = first - second;
      }
    }
    if (kept < resamples / 2) {
      return Interval.unknown(level);
    }
    double[] sorted = Arrays.copyOf(differences, kept);
    Arrays.sort(sorted);
    double tail = (1 - level) / 2;
    return new Interval(Quantiles.of(sorted, tail), Quantiles.of(sorted, 1 - tail), level);
  }

  private static List<int[]> members(int[] groups) {
    int count = Arrays.stream(groups).max().orElse(-1) + 1;
    int[] sizes = new int[count];
    for (int g : groups) {
      sizes[g]++;
    }
    List<int[]> members = new ArrayList<>(count);
    for (int g = 0; g < count; g++) {
      members.add(new int[sizes[g]]);
    }
    int[] filled = new int[count];
    for (int i = 0; i < groups.length; i++) {
      members.get(groups[i])[filled[groups[i]]++] = i;
    }
    return members;
  }

  private static int[] resample(List<int[]> members, SplittableRandom random) {
    int total = 0;
    int[] picks = new int[members.size()];
    for (int k = 0; k < picks.length; k++) {
      picks[k] = random.nextInt(members.size());
      total += members.get(picks[k]).length;
    }
    int[] rows = new int[total];
    int at = 0;
    for (int pick : picks) {
      int[] own = members.get(pick);
      System.arraycopy(own, 0, rows, at, own.length);
      at += own.length;
    }
    return rows;
  }

  private static double average(double[] scores, boolean[] labels, double[] weights,
      int[] rows) {
    double[] s = new double[rows.length];
    boolean[] l = new boolean[rows.length];
    double[] w = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      s[i] = scores[rows[i]];
      l[i] = labels[rows[i]];
      w[i] = weights[rows[i]];
    }
    return BinaryMetrics.averagePrecision(RankedScores.of(s, l, w));
  }
}
