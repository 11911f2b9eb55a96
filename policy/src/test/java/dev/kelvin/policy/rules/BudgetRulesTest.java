package dev.kelvin.policy.rules;

import static dev.kelvin.policy.rules.PowerScene.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.policy.BudgetSettings;
import dev.kelvin.policy.Nodes;
import dev.kelvin.policy.RuleParameters;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BudgetRulesTest {
  /**
   * Four 300 W nodes: n01 runs priority 10, n02 and n03 priority 1 (n03 at half n02's
   * utilisation, so less efficient), n04 priority 5. A CPU step of 200 MHz off 3000 MHz is
   * estimated to save 300 × 200 / 3000 = 20 W.
   */
  private static PowerScene four(double budgetWatts) {
    return new PowerScene()
        .node(Readings.reading().node("n01")).job("j1", "n01", 10)
        .node(Readings.reading().node("n02")).job("j2", "n02", 1)
        .node(Readings.reading().node("n03").with(NodeMetric.CPU_UTIL_RATIO, 0.25))
        .job("j3", "n03", 1)
        .node(Readings.reading().node("n04")).job("j4", "n04", 5)
        .siteBudget(budgetWatts);
  }

  @Test
  void caps_the_least_efficient_node_of_the_lowest_priority_first_when_a_site_is_over_budget() {
    List<Action> actions = four(1_190).decide();

    assertThat(actions).singleElement().isInstanceOfSatisfying(SetCpuFrequencyCap.class, cap -> {
      assertThat(cap.node()).isEqualTo(id("n03"));
      assertThat(cap.capMhz()).isEqualTo(2_800);
      assertThat(cap.rule()).isEqualTo("budget-cap-site");
      assertThat(cap.reason()).contains("site site-a draws 1200 W, over its 1190 W budget");
    });
  }

  @Test
  void caps_as_many_nodes_as_the_excess_needs_in_fairness_order() {
    List<Action> actions = four(1_150).decide();

    assertThat(actions).extracting(Action::target)
        .containsExactly("site-a/n02", "site-a/n03", "site-a/n04");
  }

  @Test
  void caps_nothing_when_the_site_draws_exactly_its_budget() {
    assertThat(four(1_200).decide()).isEmpty();
  }

  @Test
  void holds_a_budget_cap_inside_the_release_margin_against_the_thermal_release() {
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_800))
        .job("j1", "n01", 1).siteBudget(310);

    assertThat(scene.decide()).isEmpty();
  }

  @Test
  void raises_a_cap_once_the_site_is_under_its_budget_less_the_margin() {
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_600)
            .with(NodeMetric.CPU_TEMP_CELSIUS, 80))
        .job("j1", "n01", 1).siteBudget(400);

    assertThat(scene.decide()).singleElement().satisfies(action -> {
      assertThat(action.rule()).isEqualTo("budget-release-site");
      assertThat(((SetCpuFrequencyCap) action).capMhz()).isEqualTo(2_800);
    });
  }

  @Test
  void keeps_a_cap_whose_rise_would_not_fit_under_the_margin() {
    // 300 W + 300 × 200 / 2600 = 323 W would exceed 95 % of 335 W = 318 W
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_600))
        .job("j1", "n01", 1).siteBudget(335);

    assertThat(scene.decide()).isEmpty();
  }

  @Test
  void waits_for_a_node_s_last_setpoint_to_settle_before_capping_it_again() {
    PowerScene scene = new PowerScene()
        .node(Nodes.changed(Readings.reading().node("n01"), Duration.ofSeconds(10),
            Readings.reading().node("n01").with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_800)))
        .job("j1", "n01", 1).siteBudget(250);

    assertThat(scene.decide()).isEmpty();
  }

  @Test
  void steps_the_node_power_cap_down_from_the_draw_where_the_node_reports_its_range() {
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.NODE_POWER_CAP_MIN_WATTS, 150)
            .with(NodeMetric.NODE_POWER_CAP_MAX_WATTS, 500))
        .job("j1", "n01", 1).siteBudget(290);

    assertThat(scene.decide()).singleElement().isInstanceOfSatisfying(SetNodePowerCap.class,
        cap -> assertThat(cap.capWatts()).isEqualTo(280));
  }

  @Test
  void limits_every_gpu_of_a_gpu_node_one_step() {
    MetricValues gpu = MetricValues.builder().set(NodeMetric.GPU_POWER_WATTS, 350)
        .set(NodeMetric.GPU_POWER_LIMIT_WATTS, 400).set(NodeMetric.GPU_POWER_LIMIT_MIN_WATTS, 100)
        .set(NodeMetric.GPU_POWER_LIMIT_MAX_WATTS, 400).build();
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.POWER_WATTS, 1_000)
            .device(Device.gpu(0), gpu).device(Device.gpu(1), gpu))
        .job("j1", "n01", 1).siteBudget(990);

    assertThat(scene.decide()).hasSize(2).allSatisfy(action -> assertThat(action)
        .isInstanceOfSatisfying(SetGpuPowerLimit.class,
            limit -> assertThat(limit.limitWatts()).isEqualTo(335)));
  }

  @Test
  void leaves_an_idle_gpu_drawing_below_its_lowest_limit_alone() {
    MetricValues busy = MetricValues.builder().set(NodeMetric.GPU_POWER_WATTS, 350)
        .set(NodeMetric.GPU_POWER_LIMIT_WATTS, 400).set(NodeMetric.GPU_POWER_LIMIT_MIN_WATTS, 100)
        .set(NodeMetric.GPU_POWER_LIMIT_MAX_WATTS, 400).build();
    MetricValues idle = busy.with(NodeMetric.GPU_POWER_WATTS, 29);
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.POWER_WATTS, 1_000)
            .device(Device.gpu(0), busy).device(Device.gpu(1), idle))
        .job("j1", "n01", 1).siteBudget(990);

    assertThat(scene.decide()).singleElement().isInstanceOfSatisfying(SetGpuPowerLimit.class,
        limit -> {
          assertThat(limit.gpuIndex()).isZero();
          assertThat(limit.limitWatts()).isEqualTo(335);
        });
  }

  @Test
  void caps_the_nodes_of_a_rack_over_its_budget_and_none_of_the_other_racks() {
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").rack("r1")).job("j1", "n01", 1)
        .node(Readings.reading().node("n02").rack("r2")).job("j2", "n02", 1)
        .rackBudget("r2", 290);

    assertThat(scene.decide()).singleElement().satisfies(action -> {
      assertThat(action.target()).isEqualTo("site-a/n02");
      assertThat(action.rule()).isEqualTo("budget-cap-rack");
    });
  }

  @Test
  void caps_ahead_of_a_forecast_over_budget_and_carries_the_model_version() {
    PowerScene scene = four(1_230);
    LoadForecast forecast = new LoadForecast(new ForecastScope.OfSite(PowerScene.SITE),
        Duration.ofMinutes(10), 1_250, OptionalDouble.empty(), "m-7");

    List<Action> actions = scene.decide(forecast);

    assertThat(actions).singleElement().satisfies(action -> {
      assertThat(action.rule()).isEqualTo("budget-forecast-site");
      assertThat(action.target()).isEqualTo("site-a/n03");
      assertThat(action.meta().modelVersion()).contains("m-7");
    });
  }

  @Test
  void ignores_a_forecast_beyond_the_horizon() {
    LoadForecast forecast = new LoadForecast(new ForecastScope.OfSite(PowerScene.SITE),
        Duration.ofMinutes(20), 1_250, OptionalDouble.empty(), "m-7");

    assertThat(four(1_230).decide(forecast)).isEmpty();
  }

  @Test
  void reads_a_wider_release_margin_from_its_settings() {
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_600)
            .with(NodeMetric.CPU_TEMP_CELSIUS, 80))
        .job("j1", "n01", 1).siteBudget(400);
    BudgetSettings d = BudgetSettings.defaults();
    RuleParameters wide = RuleParameters.defaults().with(new BudgetSettings(d.capStepMhz(),
        d.nodeCapStepWatts(), d.gpuStepWatts(), 0.2, d.settleTime(), d.capLease(),
        d.forecastHorizon()));

    assertThat(scene.decide(wide)).isEmpty();
  }

  @Test
  void does_not_raise_a_cap_the_efficiency_rule_holds_when_the_site_is_under_budget() {
    PowerScene scene = new PowerScene()
        .node(Readings.reading().node("n01").with(NodeMetric.CPU_FREQ_CAP_MHZ, 2_700)
            .with(NodeMetric.CPU_UTIL_RATIO, 0.9).with(NodeMetric.CPU_MEM_BOUND_RATIO, 0.6))
        .job("j1", "n01", 1).siteBudget(1_000);

    assertThat(scene.decide()).isEmpty();
  }
}
