package dev.kelvin.actuators.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlurmCommandsTest {
  @Test
  void writes_the_drain_reason_on_one_line_behind_kelvins_marker() {
    assertThat(SlurmCommands.reason("failure-risk-drain", "risk 0.91\nwithin 30 min\t(model"
        + " failure-1)")).isEqualTo("kelvin: failure-risk-drain: risk 0.91 within 30 min"
        + " (model failure-1)");
  }

  @Test
  void cuts_a_long_reason_to_the_limit() {
    String reason = SlurmCommands.reason("rule", "x".repeat(1_000));

    assertThat(reason).hasSize(SlurmCommands.MAX_REASON_CHARS)
        .startsWith(SlurmSettings.KELVIN_DRAIN_MARKER);
  }
}
