package dev.kelvin.predictor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThresholdsTest {
  @Test
  void picks_the_score_with_the_best_f1() {
    // flag >= 0.9: P=1 R=1/3 F1=0.5; >= 0.8: 2/2, 2/3 -> 0.8; >= 0.7: 2/3, 2/3 -> 0.667;
    // >= 0.6: 3/4, 1 -> 0.857 (best); >= 0.5: 3/5, 1 -> 0.75
    double threshold = Thresholds.bestF1(new double[] {0.9, 0.8, 0.7, 0.6, 0.5},
        new boolean[] {true, true, false, true, false}, new double[] {1, 1, 1, 1, 1});

    assertThat(threshold).isEqualTo(0.6);
  }

  @Test
  void flags_nothing_without_positives() {
    assertThat(Thresholds.bestF1(new double[] {0.9}, new boolean[] {false}, new double[] {1}))
        .isInfinite();
  }
}
