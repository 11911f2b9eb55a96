package dev.kelvin.predictor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
  /** 40 nodes of 50 examples; {@code a} knows the labels a little, {@code b} not at all. */
  private static Interval interval(double signal, int nodes, int resamples) {
    SplittableRandom random = new SplittableRandom(3);
    int n = nodes * 50;
    double[] a = new double[n];
    double[] b = new double[n];
    boolean[] labels = new boolean[n];
    double[] weights = new double[n];
    int[] groups = new int[n];
    for (int i = 0; i < n; i++) {
      groups[i] = i / 50;
      labels[i] = random.nextDouble() < 0.1;
      a[i] = random.nextDouble() + (labels[i] ? signal : 0);
      b[i] = random.nextDouble();
      weights[i] = 1;
    }
    return PairedBootstrap.prAucDifference(a, b, labels, weights, groups, resamples, 1, 0.9);
  }

  @Test
  void a_real_gain_has_an_interval_above_zero() {
    Interval gain = interval(0.5, 40, 200);

    assertThat(gain.aboveZero()).isTrue();
    assertThat(gain.high()).isGreaterThan(gain.low());
  }

  @Test
  void no_gain_has_an_interval_around_zero() {
    Interval gain = interval(0, 40, 200);

    assertThat(gain.low()).isNegative();
    assertThat(gain.high()).isPositive();
  }

  @Test
  void too_few_nodes_or_no_resamples_leave_it_unknown() {
    assertThat(interval(0.5, 5, 200).low()).isNaN();
    assertThat(interval(0.5, 40, 0).high()).isNaN();
  }
}
