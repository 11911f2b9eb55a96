package dev.kelvin.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlurmActionsHealthTest {
  private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");

  private static Optional<ActionResult> last(Outcome outcome, String detail) {
    return Optional.of(ActionResult.of(new ActionId("a-1"), outcome, AT, detail));
  }

  @Test
  void is_degraded_while_the_last_action_failed_with_slurms_words() {
    Component component = SlurmActionsHealth.of(last(Outcome.FAILED, "scontrol update exited"
        + " with 1: Access/permission denied"), Map.of(Outcome.APPLIED, 3L, Outcome.FAILED, 1L));

    assertThat(component.status()).isEqualTo(Status.DEGRADED);
    assertThat(component.detail()).contains("Access/permission denied", "3 applied",
        "1 failed");
  }

  @Test
  void is_up_once_an_action_after_the_failure_went_through_or_was_refused() {
    Map<Outcome, Long> counts = Map.of(Outcome.APPLIED, 4L, Outcome.FAILED, 1L);

    assertThat(SlurmActionsHealth.of(last(Outcome.APPLIED, "drained"), counts).status())
        .isEqualTo(Status.UP);
    assertThat(SlurmActionsHealth.of(last(Outcome.REJECTED, "an operator's drain"), counts)
        .status()).isEqualTo(Status.UP);
  }

  @Test
  void is_up_before_the_first_action() {
    Component component = SlurmActionsHealth.of(Optional.empty(), Map.of());

    assertThat(component.status()).isEqualTo(Status.UP);
    assertThat(component.detail()).isEqualTo("no Slurm action yet");
  }
}
