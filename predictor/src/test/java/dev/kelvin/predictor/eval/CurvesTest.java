package dev.kelvin.predictor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurvesTest {
  @Test
  void one_point_per_distinct_score_from_the_origin() {
    Curves curves = Curves.of(new double[] {0.9, 0.8, 0.8, 0.1},
        new boolean[] {true, true, false, false}, new double[] {1, 1, 1, 1}, 100);

    assertThat(curves.falsePositiveRate()).containsExactly(0, 0, 0.5, 1);
    assertThat(curves.truePositiveRate()).containsExactly(0, 0.5, 1, 1);
    assertThat(curves.precision()).containsExactly(1, 1, 2.0 / 3, 0.5);
  }

  @Test
  void thinning_keeps_both_ends() {
    double[] scores = new double[1000];
    boolean[] labels = new boolean[1000];
    double[] weights = new double[1000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i;
      labels[i] = i % 3 == 0;
      weights[i] = 1;
    }

    Curves curves = Curves.of(scores, labels, weights, 50);

    assertThat(curves.size()).isEqualTo(50);
    assertThat(curves.falsePositiveRate()[0]).isZero();
    assertThat(curves.falsePositiveRate()[49]).isEqualTo(1);
    assertThat(curves.truePositiveRate()[49]).isEqualTo(1);
  }
}
