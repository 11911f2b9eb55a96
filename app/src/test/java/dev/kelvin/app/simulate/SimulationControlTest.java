package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.policy.BudgetSettings;
import dev.kelvin.policy.CarbonSettings;
import dev.kelvin.policy.EfficiencySettings;
import dev.kelvin.policy.IdleSettings;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RuleParameters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationControlTest {

  @Test
  void a_minute_tick_suspends_and_wakes_as_many_nodes_a_minute_as_one_second_ticks_do() {
    RuleParameters minute = SimulationControl.forInterval(RuleParameters.defaults(),
        Duration.ofMinutes(1));

    IdleSettings live = IdleSettings.defaults();
    assertThat(minute.get(IdleSettings.class).suspendPerTick())
        .isEqualTo(60 * live.suspendPerTick());
    assertThat(minute.get(IdleSettings.class).wakePerTick()).isEqualTo(60 * live.wakePerTick());
  }

  @Test
  void every_family_leases_its_setpoints_for_three_intervals_at_least() {
    RuleParameters fiveMinutes = SimulationControl.forInterval(RuleParameters.defaults(),
        Duration.ofMinutes(5));

    Duration fifteen = Duration.ofMinutes(15);
    assertThat(fiveMinutes.get(PolicySettings.class).capLease()).isEqualTo(fifteen);
    assertThat(fiveMinutes.get(BudgetSettings.class).capLease()).isEqualTo(fifteen);
    assertThat(fiveMinutes.get(EfficiencySettings.class).capLease()).isEqualTo(fifteen);
    assertThat(fiveMinutes.get(CarbonSettings.class).capLease()).isEqualTo(fifteen);
  }

  @Test
  void a_one_second_tick_keeps_the_live_settings() {
    RuleParameters second = SimulationControl.forInterval(RuleParameters.defaults(),
        Duration.ofSeconds(1));

    assertThat(second.get(IdleSettings.class)).isEqualTo(IdleSettings.defaults());
    assertThat(second.get(BudgetSettings.class)).isEqualTo(BudgetSettings.defaults());
  }
}
