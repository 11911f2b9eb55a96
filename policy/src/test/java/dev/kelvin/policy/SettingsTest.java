package dev.kelvin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.policy.guard.GuardSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void policy_defaults_are_200_mhz_steps_8_degrees_hysteresis_85_degrees_and_2_minutes() {
    assertThat(PolicySettings.defaults())
        .isEqualTo(new PolicySettings(200, 8, 85, Duration.ofMinutes(2), Duration.ofSeconds(30)));
  }

  @Test
  void refuses_a_cap_step_in_khz_and_names_the_field_and_unit() {
    assertThatThrownBy(() -> new PolicySettings(200_000, 8, 85, Duration.ofMinutes(2), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capStepMhz").hasMessageContaining("MHz")
        .hasMessageContaining("200000.0").hasMessageContaining("kHz");
  }

  @Test
  void refuses_a_default_limit_in_millidegrees() {
    assertThatThrownBy(() -> new PolicySettings(200, 8, 85_000, Duration.ofMinutes(2), Duration.ofSeconds(30)))
        .hasMessageContaining("defaultCpuTempLimitCelsius").hasMessageContaining("millidegrees");
  }

  @Test
  void refuses_a_cap_lease_of_zero() {
    assertThatThrownBy(() -> new PolicySettings(200, 8, 85, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("capLease");
  }

  @Test
  void guard_defaults_are_auto_20_seconds_dwell_and_10_minutes_lease() {
    assertThat(GuardSettings.defaults()).isEqualTo(new GuardSettings(GuardSettings.Mode.AUTO,
        Duration.ofSeconds(20), Duration.ofMinutes(10)));
  }

  @Test
  void refuses_a_negative_dwell_and_a_zero_lease() {
    assertThatThrownBy(() -> new GuardSettings(GuardSettings.Mode.AUTO, Duration.ofSeconds(-1),
        Duration.ofMinutes(10))).hasMessageContaining("minDwell");
    assertThatThrownBy(() -> new GuardSettings(GuardSettings.Mode.AUTO, Duration.ZERO,
        Duration.ZERO)).hasMessageContaining("maxLease");
  }

  @Test
  void a_settle_time_as_long_as_the_lease_is_refused_because_caps_would_lapse_first() {
    assertThatThrownBy(() -> PolicySettings.defaults().withSettleTime(Duration.ofMinutes(2)))
        .hasMessageContaining("settleTime").hasMessageContaining("lease");
  }
}
