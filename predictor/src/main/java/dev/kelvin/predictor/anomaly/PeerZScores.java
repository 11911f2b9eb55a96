package dev.kelvin.predictor.anomaly;

import java.util.Arrays;
import java.util.List;

/**
 * The robust statistical method: each input of a node as a robust z-score against its peers at
 * the same tick, {@code |x - median| / scale}, where the median is the peers' (at least
 * {@value #MIN_PEERS} nodes with the input known; the training median with fewer) and the scale
 * the larger of the training scale and 1.4826 times the peers' median absolute deviation; the
 * raw score is the largest z over the inputs known. A whole room that warms, or a cluster that
 * is busier than in training, moves the peers with it and raises no node's score.
 */
final class PeerZScores {
  /** With fewer peers than this, the training median stands in for theirs. */
  static final int MIN_PEERS = 10;
  private static final double MAD_TO_SD = 1.4826;

  private final RobustScales scales;

  PeerZScores(RobustScales scales) {
    this.scales = scales;
  }

  /** The raw scores of one tick's rows of inputs (higher is more unusual). */
  double[] raw(List<double[]> tick) {
    int width = scales.medians().length;
    double[] centre = new double[width];
    double[] scale = new double[width];
    for (int f = 0; f < width; f++) {
      double[] values = known(tick, f);
      centre[f] = scales.medians()[f];
      scale[f] = scales.scales()[f];
      if (values.length >= MIN_PEERS) {
        Arrays.sort(values);
        centre[f] = RobustScales.quantile(values, 0.5);
        for (int i = 0; i < values.length; i++) {
          values[i] = Math.abs(values[i] - centre[f]);
        }
        Arrays.sort(values);
        scale[f] = Math.max(scale[f], MAD_TO_SD * RobustScales.quantile(values, 0.5));
      }
    }
    double[] raw = new double[tick.size()];
    for (int i = 0; i < raw.length; i++) {
      double[] row = tick.get(i);
      for (int f = 0; f < width; f++) {
        if (!Double.isNaN(row[f])) {
          raw[i] += Math.max(0, (row[f] - centre[f]) / scale[f]);
        }
      }
    }
    return raw;
  }

  private static double[] known(List<double[]> tick, int f) {
    double[] values = new double[tick.size()];
    int n = 0;
    for (double[] row : tick) {
      if (!Double.isNaN(row[f])) {
        values[n++] = row[f];
      }
    }
    return Arrays.copyOf(values, n);
  }
}
