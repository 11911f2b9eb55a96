package dev.kelvin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of the power budget, energy-efficiency and carbon rule families. */
class PowerSettingsTest {
  private static ConfigTree section(String family, Map<String, ?> keys) {
    return new ConfigTree("kelvin.yaml", Map.of("policy", Map.of(family, keys)))
        .section("policy").section(family);
  }

  @Test
  void every_family_is_among_the_default_rule_parameters() {
    RuleParameters defaults = RuleParameters.defaults();

    assertThat(defaults.get(BudgetSettings.class)).isEqualTo(BudgetSettings.defaults());
    assertThat(defaults.get(EfficiencySettings.class)).isEqualTo(EfficiencySettings.defaults());
    assertThat(defaults.get(CarbonSettings.class)).isEqualTo(CarbonSettings.defaults());
  }

  @Test
  void reads_each_family_from_its_section_of_kelvin_yaml() {
    BudgetSettings budget = BudgetSettings.from(section("budget",
        Map.of("release_margin", 0.1, "forecast_horizon", "5m")));
    EfficiencySettings efficiency = EfficiencySettings.from(section("efficiency",
        Map.of("max_slowdown", 0.02)));
    CarbonSettings carbon = CarbonSettings.from(section("carbon",
        Map.of("carbon_threshold_g_per_kwh", 300, "price_threshold_per_kwh", 0)));

    assertThat(budget.releaseMarginRatio()).isEqualTo(0.1);
    assertThat(budget.forecastHorizon()).isEqualTo(Duration.ofMinutes(5));
    assertThat(budget.capStepMhz()).isEqualTo(BudgetSettings.defaults().capStepMhz());
    assertThat(efficiency.maxSlowdownRatio()).isEqualTo(0.02);
    assertThat(carbon.carbonThresholdGramsPerKwh()).isEqualTo(300);
    assertThat(carbon.dirtyOrDear(Double.NaN, 99)).isFalse();
    assertThat(carbon.dirtyOrDear(301, Double.NaN)).isTrue();
  }

  @Test
  void refuses_a_release_margin_given_as_a_percentage_and_names_the_key() {
    BudgetSettings d = BudgetSettings.defaults();

    assertThatThrownBy(() -> new BudgetSettings(d.capStepMhz(), d.nodeCapStepWatts(),
        d.gpuStepWatts(), 5, d.settleTime(), d.capLease(), d.forecastHorizon()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy.budget.release_margin").hasMessageContaining("percentage");
  }

  @Test
  void refuses_a_settle_time_as_long_as_the_lease() {
    assertThatThrownBy(() -> new EfficiencySettings(0.05, 100, 0.5, Duration.ofMinutes(2),
        Duration.ofMinutes(2)))
        .hasMessageContaining("policy.efficiency.settle_time");
  }

  @Test
  void refuses_a_carbon_threshold_in_kilograms() {
    assertThatThrownBy(() -> new CarbonSettings(-0.4, 0.3, 0.1, 100, Duration.ofSeconds(30),
        Duration.ofMinutes(2)))
        .hasMessageContaining("policy.carbon.carbon_threshold_g_per_kwh")
        .hasMessageContaining("gCO2/kWh");
  }
}
