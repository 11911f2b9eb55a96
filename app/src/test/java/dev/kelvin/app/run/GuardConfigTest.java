package dev.kelvin.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.app.config.YamlFiles;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.policy.guard.ActionMode;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.policy.guard.ModeTable;
import dev.kelvin.policy.guard.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GuardConfigTest {
  private static GuardSettings read(String yaml) {
    return GuardConfig.read(YamlFiles.of("kelvin.yaml", yaml).section("guard"));
  }

  @Test
  void an_empty_section_gives_the_default_modes_and_rate_limits() {
    GuardSettings settings = read("");

    assertThat(settings.modes()).isEqualTo(ModeTable.defaults());
    assertThat(settings.rates()).isEqualTo(RateLimits.defaults());
    assertThat(settings.repeatAfter()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void a_default_mode_of_dry_run_puts_every_type_in_shadow_mode_but_a_named_one() {
    GuardSettings settings = read("guard:\n  modes:\n    default: dry_run\n"
        + "    notify: automatic\n");

    assertThat(settings.modeOf(ActionType.DRAIN_NODE)).isEqualTo(ActionMode.DRY_RUN);
    assertThat(settings.modeOf(ActionType.SET_CPU_FREQUENCY_CAP)).isEqualTo(ActionMode.DRY_RUN);
    assertThat(settings.modeOf(ActionType.NOTIFY)).isEqualTo(ActionMode.AUTOMATIC);
  }

  @Test
  void reads_a_rate_limit_per_type_and_its_window() {
    GuardSettings settings = read("guard:\n  rate_window: 30s\n  rate_limits:\n"
        + "    suspend_node: 5\n    drain_node: 0\n");

    assertThat(settings.rates().window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.rates().of(ActionType.SUSPEND_NODE)).hasValue(5);
    assertThat(settings.rates().of(ActionType.DRAIN_NODE)).isEmpty();
    assertThat(settings.rates().of(ActionType.MIGRATE_JOB)).hasValue(10);
  }

  @Test
  void a_default_mode_that_does_not_exist_is_refused_naming_the_key_and_the_choices() {
    assertThatThrownBy(() -> read("guard:\n  modes:\n    default: yolo\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("guard.modes.default")
        .hasMessageContaining("\"yolo\"")
        .hasMessageContaining("must be one of automatic, needs_approval, dry_run");
  }

  @Test
  void a_rate_window_of_zero_is_refused_naming_the_section() {
    assertThatThrownBy(() -> read("guard:\n  rate_window: 0s\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("guard")
        .hasMessageContaining("rate_window must be a positive duration");
  }
}
