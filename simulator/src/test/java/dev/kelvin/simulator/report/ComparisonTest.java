package dev.kelvin.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  /** Job 1 runs 150 s (baseline 100), job 2 waits 30 s and runs 200 s, job 3 now completes. */
  private static SimulationResult capped() {
    return Results.result(Results.summary("cap", 400, 1.2, 20), List.of(
        new JobOutcome(1, 4, 0, 0, 150, 100, true),
        new JobOutcome(2, 2, 0, 30, 230, 200, true),
        new JobOutcome(3, 1, 5, 5, 65, 60, true),
        new JobOutcome(4, 1, 9, 9, 20, 11, true)));
  }

  @Test
  void figures_match_a_hand_computation_over_jobs_completed_in_both_runs() {
    Comparison comparison = Comparison.of(Results.baseline(), capped());

    // energy 500 -> 400 kWh
    assertThat(comparison.energySavedPct()).isCloseTo(20, within(1e-9));
    // carbon 12.5 -> 10 kg
    assertThat(comparison.carbonSavedKg()).isCloseTo(2.5, within(1e-9));
    assertThat(comparison.carbonSavedPct()).isCloseTo(20, within(1e-9));
    // jobs 1 and 2 only: stretch (150/100 - 1) and (200/200 - 1), mean 25 %
    assertThat(comparison.jobsCompared()).isEqualTo(2);
    assertThat(comparison.meanRuntimeStretchPct()).isCloseTo(25, within(1e-9));
    // waits 0,10 -> 0,30: mean 5 s -> 15 s, +200 %
    assertThat(comparison.meanWaitChangePct()).isCloseTo(200, within(1e-9));
    // bounded slowdowns 1, 1.05 -> 1, 1.15: mean 1.025 -> 1.075
    assertThat(comparison.meanBoundedSlowdownChangePct())
        .isCloseTo((1.075 / 1.025 - 1) * 100, within(1e-9));
  }

  @Test
  void compare_json_holds_the_figures_and_both_runs_side_by_side() {
    String json = ReportJson.of(Comparison.of(Results.baseline(), capped()));

    assertThat(json).startsWith("""
        {
          "scenario": "two-jobs \\"tiny\\"",
          "seed": 42,
          "baseline_policy": "none",
          "policy": "cap",
          "energy_saved_kwh": 100,
          "energy_saved_pct": 20,
          "carbon_saved_kg": 2.5,
          "carbon_saved_pct": 20,
          "jobs_compared": 2,
          "mean_runtime_stretch_pct": 25,
          "mean_wait_change_pct": 200,
          "mean_bounded_slowdown_change_pct": 4.87805,
          "baseline": {
            "policy": "none",
            "energy_kwh": 500,
        """).contains("""
          "with_policy": {
            "policy": "cap",
            "energy_kwh": 400,
        """).contains("\"hours_over_budget\": 0.5\n");
    assertThat(json).isEqualTo(ReportJson.of(Comparison.of(Results.baseline(), capped())));
  }

  @Test
  void runs_with_no_jobs_in_common_have_undefined_job_figures() {
    SimulationResult empty = Results.result(Results.summary("cap", 0, 1, 0), List.of());

    Comparison comparison = Comparison.of(Results.baseline(), empty);

    assertThat(comparison.jobsCompared()).isZero();
    assertThat(comparison.meanRuntimeStretchPct()).isNaN();
    assertThat(comparison.meanWaitChangePct()).isNaN();
    assertThat(ReportJson.of(comparison)).contains("\"mean_wait_change_pct\": null,");
  }

  @Test
  void runs_of_different_seeds_are_refused_naming_both() {
    RunSummary other = Results.summary("cap", 1, 1, 1);
    RunSummary reseeded = new RunSummary(other.scenario(), 7, "cap", 1, 1, 0, 1, 0, 0, 0, 0, 0,
        0, 1, 0, 0, 0, other.actions(), 0, 0, 0, 0);

    assertThatThrownBy(() -> Comparison.of(Results.baseline(),
        Results.result(reseeded, List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed 42").hasMessageContaining("seed 7");
  }
}
