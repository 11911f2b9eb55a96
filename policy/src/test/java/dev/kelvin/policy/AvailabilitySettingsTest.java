package dev.kelvin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of the failure-risk, idle power-down and failover rules, and their keys. */
class AvailabilitySettingsTest {
  private static ConfigTree policy(Map<String, ?> policy) {
    return new ConfigTree("kelvin.yaml", Map.of("policy", policy)).section("policy");
  }

  @Test
  void defaults_drain_at_half_migrate_at_eight_tenths_and_resume_under_a_fifth() {
    assertThat(FailureSettings.defaults()).isEqualTo(new FailureSettings(0.5, 0.8,
        Duration.ofMinutes(10), 0.2, Duration.ofMinutes(30)));
    assertThat(IdleSettings.defaults()).isEqualTo(new IdleSettings(Duration.ofMinutes(10), 2,
        0.05, 1, 5));
    assertThat(FailoverSettings.defaults().leaseLostAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(RuleParameters.defaults().get(IdleSettings.class))
        .isEqualTo(IdleSettings.defaults());
  }

  @Test
  void reads_every_family_from_its_own_section_of_the_policy_section() {
    ConfigTree tree = policy(Map.of(
        "failure", Map.of("drain_probability", 0.4, "migrate_probability", 0.9,
            "migrate_lead_time", "15m", "resume_probability", 0.1, "resume_hold", "1h"),
        "idle", Map.of("idle_after", "20m", "spare_nodes", 4, "spare_share", 0.1,
            "suspend_per_tick", 3, "wake_per_tick", 7),
        "failover", Map.of("lease_lost_after", "90s")));

    assertThat(FailureSettings.from(tree.section("failure"))).isEqualTo(new FailureSettings(
        0.4, 0.9, Duration.ofMinutes(15), 0.1, Duration.ofHours(1)));
    assertThat(IdleSettings.from(tree.section("idle"))).isEqualTo(new IdleSettings(
        Duration.ofMinutes(20), 4, 0.1, 3, 7));
    assertThat(FailoverSettings.from(tree.section("failover")).leaseLostAfter())
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void takes_the_defaults_for_absent_sections() {
    ConfigTree tree = policy(Map.of());

    assertThat(FailureSettings.from(tree.section("failure")))
        .isEqualTo(FailureSettings.defaults());
    assertThat(IdleSettings.from(tree.section("idle"))).isEqualTo(IdleSettings.defaults());
    assertThat(FailoverSettings.from(tree.section("failover")))
        .isEqualTo(FailoverSettings.defaults());
  }

  @Test
  void names_the_key_of_a_probability_given_as_a_percentage() {
    ConfigTree tree = policy(Map.of("failure", Map.of("drain_probability", 50)));

    assertThatThrownBy(() -> FailureSettings.from(tree.section("failure")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("drain_probability");
  }

  @Test
  void refuses_a_resume_threshold_at_or_over_the_drain_threshold() {
    assertThatThrownBy(() -> new FailureSettings(0.5, 0.8, Duration.ZERO, 0.5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resumeProbability").hasMessageContaining("drainProbability");
  }

  @Test
  void refuses_a_migrate_threshold_under_the_drain_threshold() {
    assertThatThrownBy(() -> new FailureSettings(0.5, 0.4, Duration.ZERO, 0.2, Duration.ZERO))
        .hasMessageContaining("migrateProbability").hasMessageContaining("drained");
  }

  @Test
  void refuses_an_idle_time_in_seconds_meant_as_minutes_and_a_share_as_a_percentage() {
    assertThatThrownBy(() -> new IdleSettings(Duration.ofSeconds(10), 2, 0.05, 1, 5))
        .hasMessageContaining("idleAfter").hasMessageContaining("minutes");
    assertThatThrownBy(() -> new IdleSettings(Duration.ofMinutes(10), 2, 5, 1, 5))
        .hasMessageContaining("spareShare").hasMessageContaining("percentage");
    assertThatThrownBy(() -> new IdleSettings(Duration.ofMinutes(10), 2, 0.05, 1, 0))
        .hasMessageContaining("wakePerTick");
  }

  @Test
  void refuses_a_lease_lost_after_short_enough_to_be_one_late_message() {
    assertThatThrownBy(() -> new FailoverSettings(Duration.ofSeconds(5)))
        .hasMessageContaining("leaseLostAfter").hasMessageContaining("late message");
  }

  @Test
  void keeps_a_spare_pool_of_the_count_or_the_share_whichever_is_larger() {
    IdleSettings settings = IdleSettings.defaults();

    assertThat(settings.spareOf(10)).isEqualTo(2);
    assertThat(settings.spareOf(100)).isEqualTo(5);
    assertThat(settings.spareOf(101)).isEqualTo(6);
  }
}
