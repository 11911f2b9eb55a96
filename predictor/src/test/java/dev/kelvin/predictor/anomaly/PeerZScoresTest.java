package dev.kelvin.predictor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerZScoresTest {
  /** Training medians 0 and scales 1 for every input. */
  private final PeerZScores peers = new PeerZScores(new RobustScales(new double[5],
      new double[] {1, 1, 1, 1, 1}));

  private static double[] inputs(double first, double second) {
    return new double[] {first, second, Double.NaN, 0, 0};
  }

  @Test
  void sums_how_far_each_input_lies_above_the_peers_median_in_scales() {
    List<double[]> tick = new ArrayList<>();
    for (int k = 0; k < 11; k++) {
      tick.add(inputs(10, 0));
    }
    tick.add(inputs(13, 2));
    tick.add(inputs(7, 0));

    double[] raw = peers.raw(tick);

    // peers' median 10, their MAD 0: the training scale 1 stands
    assertThat(raw[0]).isZero();
    assertThat(raw[11]).isCloseTo(3 + 2, within(1e-12));
    assertThat(raw[12]).as("below the peers is not unusual here").isZero();
  }

  @Test
  void takes_the_training_median_with_fewer_than_ten_peers() {
    double[] raw = peers.raw(List.of(inputs(10, 0), inputs(10, 0), inputs(12, 0)));

    assertThat(raw).containsExactly(10, 10, 12);
  }

  @Test
  void widens_the_scale_to_the_peers_spread() {
    List<double[]> tick = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      tick.add(inputs(k % 2 == 0 ? 0 : 4, 0));
    }
    tick.add(inputs(12, 0));

    double[] raw = peers.raw(tick);

    // median 4 (ten 4s, ten 0s and the 12), MAD 0... median of |x - 4|: ten 0s, ten 4s, 8 -> 4
    assertThat(raw[20]).isCloseTo((12 - 4) / (1.4826 * 4), within(1e-9));
  }
}
