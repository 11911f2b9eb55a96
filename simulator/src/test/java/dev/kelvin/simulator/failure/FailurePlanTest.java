package dev.kelvin.simulator.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FailurePlanTest {
  private static final double YEAR_S = 365 * 86_400.0;
  private static final FailureModel MODEL = FailureModel.LANL_SYSTEM_18;

  @Test
  void the_same_seed_gives_the_same_plan_and_another_seed_another() {
    List<PlannedFailure> plan = FailurePlan.draw(500, YEAR_S, 42, MODEL, 1);

    assertThat(FailurePlan.draw(500, YEAR_S, 42, MODEL, 1)).isEqualTo(plan);
    assertThat(FailurePlan.draw(500, YEAR_S, 43, MODEL, 1)).isNotEqualTo(plan);
  }

  @Test
  void adding_nodes_leaves_the_first_nodes_failures_as_they_were() {
    List<PlannedFailure> small = FailurePlan.draw(100, YEAR_S, 7, MODEL, 1);
    List<PlannedFailure> large = FailurePlan.draw(300, YEAR_S, 7, MODEL, 1);

    assertThat(large.stream().filter(f -> f.node() < 100).collect(Collectors.toList()))
        .isEqualTo(small);
  }

  @Test
  void the_plan_is_sorted_by_time_then_node_and_within_the_horizon() {
    List<PlannedFailure> plan = FailurePlan.draw(2_000, YEAR_S, 1, MODEL, 1);

    assertThat(plan).isSortedAccordingTo(Comparator.comparingDouble(PlannedFailure::atS)
        .thenComparingInt(PlannedFailure::node));
    assertThat(plan).allSatisfy(f -> assertThat(f.atS()).isBetween(0.0, YEAR_S));
  }

  @Test
  void a_node_fails_again_only_after_its_repair() {
    List<PlannedFailure> plan = FailurePlan.draw(2_000, YEAR_S, 3, MODEL, 4);
    double[] backS = new double[2_000];

    for (PlannedFailure failure : plan) {
      assertThat(failure.atS()).isGreaterThanOrEqualTo(backS[failure.node()]);
      backS[failure.node()] = failure.backS();
    }
  }

  @Test
  void the_mean_failures_per_node_are_the_horizon_over_the_mean_up_time_and_repair() {
    int nodes = 10_000;
    double expected = nodes * YEAR_S / (MODEL.meanGapS() + MODEL.meanRepairS());

    assertThat((double) FailurePlan.draw(nodes, YEAR_S, 11, MODEL, 1).size())
        .isCloseTo(expected, withinPercentage(5));
    assertThat((double) FailurePlan.draw(nodes, YEAR_S, 11, MODEL, 2).size())
        .isCloseTo(2 * expected, withinPercentage(5));
    assertThat(FailurePlan.draw(nodes, YEAR_S, 11, MODEL, 0)).isEmpty();
  }

  @Test
  void the_tenth_of_nodes_that_fail_most_carry_far_more_than_a_tenth_of_the_failures() {
    int nodes = 1024;
    int[] counts = new int[nodes];
    FailurePlan.draw(nodes, 3 * YEAR_S, 5, MODEL, 1).forEach(f -> counts[f.node()]++);
    int[] sorted = Arrays.stream(counts).sorted().toArray();
    double topShare = (double) Arrays.stream(sorted, nodes - nodes / 10, nodes).sum()
        / Arrays.stream(counts).sum();

    assertThat(topShare).isGreaterThan(0.2);
  }

  @Test
  void repairs_follow_the_fitted_lognormal() {
    double[] logs = FailurePlan.draw(10_000, YEAR_S, 13, MODEL, 1).stream()
        .mapToDouble(f -> Math.log(f.repairS())).toArray();
    double mean = Arrays.stream(logs).average().orElseThrow();

    assertThat(mean).isCloseTo(MODEL.repairMuLnS(), withinPercentage(1));
  }

  @Test
  void refuses_a_negative_rate_scale_naming_it() {
    assertThatThrownBy(() -> FailurePlan.draw(1, YEAR_S, 0, MODEL, -1))
        .hasMessageContaining("rateScale must be >= 0");
  }
}
