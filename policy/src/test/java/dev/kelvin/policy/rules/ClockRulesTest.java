package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.testkit.Readings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The energy-efficiency DVFS rule and the carbon and price rule. */
class ClockRulesTest {
  private static Readings busy(double memBoundRatio) {
    return Readings.reading().node("n01").with(NodeMetric.CPU_UTIL_RATIO, 0.9)
        .with(NodeMetric.CPU_MEM_BOUND_RATIO, memBoundRatio);
  }

  private static SetCpuFrequencyCap onlyCap(List<Action> actions, String rule) {
    assertThat(actions).singleElement().isInstanceOf(SetCpuFrequencyCap.class)
        .extracting(Action::rule).isEqualTo(rule);
    return (SetCpuFrequencyCap) actions.get(0);
  }

  @Test
  void runs_a_memory_bound_busy_node_at_the_lowest_clock_within_five_percent_slowdown() {
    // compute share 0.4: 0.4 × (3000/f − 1) ≤ 0.05 for f ≥ 2667 MHz, so 2700 on 100 MHz steps
    List<Action> actions = new PowerScene().node(busy(0.6)).job("j1", "n01", 1).decide();

    SetCpuFrequencyCap cap = onlyCap(actions, "efficiency-dvfs");
    assertThat(cap.capMhz()).isEqualTo(2_700);
    assertThat(cap.reason()).contains("60 % memory-bound").contains("4.4 % longer");
  }

  @Test
  void leaves_a_mostly_compute_bound_job_at_full_clock_where_slowing_it_costs_energy() {
    assertThat(new PowerScene().node(busy(0.49)).job("j1", "n01", 1).decide()).isEmpty();
    assertThat(new PowerScene().node(busy(0)).job("j1", "n01", 1).decide()).isEmpty();
  }

  @Test
  void slows_a_job_exactly_half_memory_bound_within_the_maximum_slowdown() {
    // compute share 0.5: f ≥ 3000 × 0.5 / 0.55 = 2727.3 MHz, so 2800 on 100 MHz steps
    List<Action> actions = new PowerScene().node(busy(0.5)).job("j1", "n01", 1).decide();

    assertThat(onlyCap(actions, "efficiency-dvfs").capMhz()).isEqualTo(2_800);
  }

  @Test
  void takes_a_step_exactly_at_the_maximum_slowdown() {
    // compute share 0.5: f = 3000 × 0.5 / 0.55 = 2727.3; at 2800, 0.5 × (3000/2800 − 1) = 3.6 %
    // compute share 0.25: f ≥ 3000 × 0.25 / 0.3 = 2500 exactly, slowdown 5.0 %
    List<Action> actions = new PowerScene().node(busy(0.75)).job("j1", "n01", 1).decide();

    assertThat(onlyCap(actions, "efficiency-dvfs").capMhz()).isEqualTo(2_500);
  }

  @Test
  void leaves_a_node_that_runs_no_job_alone() {
    assertThat(new PowerScene().node(busy(0.6)).decide()).isEmpty();
  }

  @Test
  void leaves_a_node_under_the_busy_utilisation_alone() {
    List<Action> actions = new PowerScene()
        .node(busy(0.6).with(NodeMetric.CPU_UTIL_RATIO, 0.49)).job("j1", "n01", 1).decide();

    assertThat(actions).isEmpty();
  }

  @Test
  void leaves_a_node_that_does_not_report_how_memory_bound_it_is_alone() {
    List<Action> actions = new PowerScene()
        .node(busy(0.6).without(NodeMetric.CPU_MEM_BOUND_RATIO)).job("j1", "n01", 1).decide();

    assertThat(actions).isEmpty();
  }

  @Test
  void holds_an_efficient_cap_against_the_thermal_release_while_the_job_runs() {
    Readings atFloor = busy(0.6).with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_700);

    assertThat(new PowerScene().node(atFloor).job("j1", "n01", 1).decide()).isEmpty();
    assertThat(new PowerScene().node(atFloor).decide()).singleElement()
        .extracting(Action::rule).isEqualTo("thermal-release-cpu");
  }

  @Test
  void never_raises_a_cap_another_rule_set_lower() {
    List<Action> actions = new PowerScene()
        .node(busy(0.6).with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_200)
            .with(NodeMetric.CPU_TEMP_CELSIUS, 80))
        .job("j1", "n01", 1).decide();

    assertThat(actions).isEmpty();
  }

  @Test
  void steps_a_busy_node_down_while_the_grid_is_dirty() {
    // unknown compute share counts as 1: f ≥ 3000/1.1 = 2727, floor 2800; one 100 MHz step
    List<Action> actions = new PowerScene()
        .node(Readings.reading().node("n01")).job("j1", "n01", 1)
        .grid(FacilityKind.GRID_CARBON_G_PER_KWH, 401).decide();

    SetCpuFrequencyCap cap = onlyCap(actions, "carbon-price-dvfs");
    assertThat(cap.capMhz()).isEqualTo(2_900);
    assertThat(cap.reason()).contains("401 gCO2/kWh");
  }

  @Test
  void steps_a_busy_node_down_while_the_grid_is_dear() {
    List<Action> actions = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_900))
        .job("j1", "n01", 1).grid(FacilityKind.GRID_PRICE_PER_KWH, 0.35).decide();

    assertThat(onlyCap(actions, "carbon-price-dvfs").capMhz()).isEqualTo(2_800);
  }

  @Test
  void leaves_caps_alone_on_a_grid_exactly_at_the_threshold() {
    List<Action> actions = new PowerScene()
        .node(Readings.reading().node("n01")).job("j1", "n01", 1)
        .grid(FacilityKind.GRID_CARBON_G_PER_KWH, 400)
        .grid(FacilityKind.GRID_PRICE_PER_KWH, 0.30).decide();

    assertThat(actions).isEmpty();
  }

  @Test
  void holds_a_cap_at_the_carbon_floor_and_lets_it_go_when_the_grid_is_clean() {
    Readings atFloor = Readings.reading().node("n01").with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_800);

    assertThat(new PowerScene().node(atFloor).job("j1", "n01", 1)
        .grid(FacilityKind.GRID_CARBON_G_PER_KWH, 500).decide()).isEmpty();
    assertThat(new PowerScene().node(atFloor).job("j1", "n01", 1)
        .grid(FacilityKind.GRID_CARBON_G_PER_KWH, 100).decide()).singleElement()
        .extracting(Action::rule).isEqualTo("thermal-release-cpu");
  }
}
