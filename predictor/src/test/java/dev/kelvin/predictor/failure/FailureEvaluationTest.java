package dev.kelvin.predictor.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureEvaluationTest {
  private static final Instant DAY0 = Instant.parse("2021-03-01T00:00:00Z");
  private static final int WEEK = SyntheticExamples.FEATURES.names().indexOf("history_failures_7d");

  private static FailureExample example(String system, String node, int day, boolean label,
      double daysToFailure, double failedLastWeek) {
    double[] features = new double[SyntheticExamples.FEATURES.names().size()];
    features[WEEK] = failedLastWeek;
    return new FailureExample(system, node, DAY0.plus(Duration.ofDays(day)), features, label,
        daysToFailure * 86_400, 1);
  }

  @Test
  void model_and_baseline_metrics_and_lead_times_per_system_and_pooled() {
    // node a fails on day 3: anchors 0..2 see it; node b never fails; node c (system y) fails
    // on day 1 having failed the week before
    List<FailureExample> test = List.of(
        example("x", "a", 0, true, 3, 0), example("x", "b", 0, false, Double.NaN, 0),
        example("y", "c", 0, true, 1, 1),
        example("x", "a", 1, true, 2, 0), example("x", "b", 1, false, Double.NaN, 1),
        example("x", "a", 2, true, 1, 0), example("x", "b", 2, false, Double.NaN, 0));
    double[] p = {0.2, 0.1, 0.3, 0.6, 0.1, 0.7, 0.2};

    FailureEvaluation evaluation = FailureEvaluation.of(test, p, 0.5,
        SyntheticExamples.FEATURES);

    SystemEvaluation x = evaluation.systems().get("x");
    assertThat(x.examples()).isEqualTo(6);
    assertThat(x.failures()).isEqualTo(1);
    // x ranked: a(0.7) a(0.6) {a(0.2), b(0.2)} b(0.1) b(0.1): AP = (1 + 1 + 3/4) / 3
    assertThat(x.model().prAuc()).isCloseTo((1 + 1 + 0.75) / 3, within(1e-12));
    assertThat(x.model().recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(x.modelLeads().leadSeconds()).containsExactly(2 * 86_400.0);
    // the baseline flags only b on day 1, a negative: it ranks b above every a
    assertThat(x.baseline().precision()).isZero();
    assertThat(x.baseline().prAuc()).isCloseTo(0.5, within(1e-12));
    assertThat(x.baselineLeads().caught()).isZero();
    assertThat(x.beatsBaseline()).isTrue();
    SystemEvaluation y = evaluation.systems().get("y");
    assertThat(y.baselineLeads().leadSeconds()).containsExactly(86_400.0);
    assertThat(y.model().rocAuc()).isNaN();
    assertThat(evaluation.pooled().examples()).isEqualTo(7);
    assertThat(evaluation.pooled().failures()).isEqualTo(2);
  }

  @Test
  void systems_are_listed_by_name_with_their_numbers_in_order() {
    List<FailureExample> test = List.of(example("lanl-10", "a", 0, true, 1, 0),
        example("lanl-2", "a", 0, false, Double.NaN, 0), example("alpine", "e", 0, true, 1, 1));

    FailureEvaluation evaluation = FailureEvaluation.of(test, new double[] {0.5, 0.1, 0.2}, 0.5,
        SyntheticExamples.FEATURES);

    assertThat(evaluation.systems().keySet()).containsExactly("alpine", "lanl-2", "lanl-10");
    assertThat(evaluation.pooled().prAucGain().low()).as("too few nodes to resample").isNaN();
  }
}
