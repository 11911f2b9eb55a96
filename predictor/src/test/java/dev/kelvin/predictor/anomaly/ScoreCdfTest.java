package dev.kelvin.predictor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoreCdfTest {
  /** Raw scores 0, 1, ..., 100: the share at or below x is x / 100. */
  private final ScoreCdf cdf = ScoreCdf.fit(IntStream.rangeClosed(0, 100)
      .mapToDouble(i -> i).toArray());

  @Test
  void gives_the_share_of_training_scores_at_or_below() {
    assertThat(cdf.apply(50)).isCloseTo(0.5, within(1e-12));
    assertThat(cdf.apply(99.5)).isCloseTo(0.995, within(1e-12));
    assertThat(cdf.apply(-1)).isZero();
    assertThat(cdf.apply(100)).isEqualTo(1);
    assertThat(cdf.apply(1e9)).isEqualTo(1);
  }

  @Test
  void places_a_score_tied_with_many_training_scores_at_the_top_of_the_tie() {
    double[] raw = new double[1000];
    raw[999] = 5;
    ScoreCdf mostlyZero = ScoreCdf.fit(raw);

    // 999 of 1,000 at 0; the interpolated quantile at 0.999 already lies a little above 0
    assertThat(mostlyZero.apply(0)).isGreaterThanOrEqualTo(0.998);
    assertThat(mostlyZero.apply(2.5)).isGreaterThan(mostlyZero.apply(0)).isLessThan(1);
  }

  @Test
  void refuses_knots_that_fall() {
    double[] knots = cdf.knots();
    knots[3] = -5;

    assertThatThrownBy(() -> new ScoreCdf(knots)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("knot 3");
  }
}
