package dev.kelvin.predictor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void average_precision_and_roc_auc_match_the_hand_computed_values() {
    // ranked: P N P N -> AP = (1/1 + 2/3) / 2; ROC: 3 of 4 positive-negative pairs in order
    BinaryMetrics m = BinaryMetrics.of(new double[] {0.9, 0.8, 0.7, 0.6},
        new boolean[] {T, F, T, F}, 0.75);

    assertThat(m.prAuc()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    assertThat(m.rocAuc()).isCloseTo(0.75, within(1e-12));
    assertThat(m.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(m.recall()).isCloseTo(0.5, within(1e-12));
    assertThat(m.f1()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void a_tie_is_one_step_for_both_areas() {
    // scores 1 1 0 0 with labels P N P N: flagging the top tie gives precision 1/2 at recall
    // 1/2, then 2/4 at recall 1 -> AP 0.5; every pair is a tie or one right, one wrong -> 0.5
    BinaryMetrics m = BinaryMetrics.of(new double[] {1, 1, 0, 0},
        new boolean[] {T, F, T, F}, 0.5);

    assertThat(m.prAuc()).isCloseTo(0.5, within(1e-12));
    assertThat(m.rocAuc()).isCloseTo(0.5, within(1e-12));
    assertThat(m.precision()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void a_tied_positive_is_not_ranked_above_its_negative_whatever_the_input_order() {
    BinaryMetrics first = BinaryMetrics.of(new double[] {0.5, 0.5}, new boolean[] {T, F}, 1);
    BinaryMetrics second = BinaryMetrics.of(new double[] {0.5, 0.5}, new boolean[] {F, T}, 1);

    assertThat(first.prAuc()).isEqualTo(second.prAuc()).isCloseTo(0.5, within(1e-12));
    assertThat(first.rocAuc()).isEqualTo(0.5);
  }

  @Test
  void a_negative_of_weight_three_counts_as_three_negatives() {
    double[] scores = {0.9, 0.8, 0.7};
    boolean[] labels = {T, F, T};
    BinaryMetrics weighted = BinaryMetrics.of(scores, labels, new double[] {1, 3, 1}, 0.75);
    BinaryMetrics expanded = BinaryMetrics.of(new double[] {0.9, 0.8, 0.8, 0.8, 0.7},
        new boolean[] {T, F, F, F, T}, 0.75);

    assertThat(weighted.prAuc()).isCloseTo(expanded.prAuc(), within(1e-12))
        .isCloseTo((1 + 2.0 / 5) / 2, within(1e-12));
    assertThat(weighted.rocAuc()).isCloseTo(expanded.rocAuc(), within(1e-12))
        .isCloseTo(0.5, within(1e-12));
    assertThat(weighted.precision()).isCloseTo(0.25, within(1e-12));
    assertThat(weighted.negativeWeight()).isEqualTo(3);
    assertThat(weighted.positiveShare()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void a_perfect_ranking_scores_one_and_a_reversed_one_zero_roc() {
    BinaryMetrics perfect = BinaryMetrics.of(new double[] {3, 2, 1}, new boolean[] {T, F, F}, 3);
    BinaryMetrics reversed = BinaryMetrics.of(new double[] {1, 2, 3}, new boolean[] {T, F, F}, 3);

    assertThat(perfect.prAuc()).isEqualTo(1);
    assertThat(perfect.rocAuc()).isEqualTo(1);
    assertThat(reversed.rocAuc()).isEqualTo(0);
    assertThat(reversed.prAuc()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void figures_without_a_defined_value_are_nan_not_zero() {
    BinaryMetrics noPositives = BinaryMetrics.of(new double[] {0.2, 0.1},
        new boolean[] {F, F}, 0.5);

    assertThat(noPositives.prAuc()).isNaN();
    assertThat(noPositives.rocAuc()).isNaN();
    assertThat(noPositives.precision()).isNaN();
    assertThat(noPositives.recall()).isNaN();
    assertThat(noPositives.f1()).isNaN();
  }

  @Test
  void refuses_a_nan_score_or_a_zero_weight() {
    assertThatThrownBy(() -> BinaryMetrics.of(new double[] {Double.NaN}, new boolean[] {T}, 0))
        .hasMessageContaining("score 0 is NaN");
    assertThatThrownBy(() -> BinaryMetrics.of(new double[] {1}, new boolean[] {T},
        new double[] {0}, 0)).hasMessageContaining("weight 0 must be > 0");
  }
}
