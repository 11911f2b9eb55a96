package dev.kelvin.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.actuators.slurm.SlurmReject;
import dev.kelvin.actuators.slurm.SlurmStats;
import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlurmHealthTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration EVERY_10_S = Duration.ofSeconds(10);

  private static SlurmStats failingFor(Duration failing) {
    return new SlurmStats(5, 4, 4, 6, Map.of(), Optional.of(NOW.minus(failing).minusSeconds(10)),
        Optional.of(NOW.minus(failing)), Optional.of("sinfo --json timed out after 5000 ms"));
  }

  @Test
  void is_up_with_the_report_in_force_while_polls_succeed() {
    SlurmStats stats = new SlurmStats(3, 0, 4, 6, Map.of(SlurmReject.BAD_NODE_NAME, 2L),
        Optional.of(NOW.minusSeconds(4)), Optional.empty(), Optional.empty());

    Component component = SlurmHealth.of(stats, NOW, EVERY_10_S);

    assertThat(component.status()).isEqualTo(Status.UP);
    assertThat(component.detail()).contains("4 node(s), 6 job(s), polled 4 s ago",
        "skipped 2");
  }

  @Test
  void stays_up_through_a_few_failed_polls() {
    assertThat(SlurmHealth.of(failingFor(Duration.ofSeconds(30)), NOW, EVERY_10_S).status())
        .isEqualTo(Status.UP);
  }

  @Test
  void is_degraded_once_polls_failed_for_longer_than_three_intervals_naming_the_error() {
    Component component = SlurmHealth.of(failingFor(Duration.ofSeconds(31)), NOW, EVERY_10_S);

    assertThat(component.status()).isEqualTo(Status.DEGRADED);
    assertThat(component.detail()).contains("failed for 31 s", "report of 41 s ago",
        "timed out");
  }

  @Test
  void is_degraded_when_no_poll_succeeded_since_start() {
    SlurmStats never = new SlurmStats(0, 5, 0, 0, Map.of(), Optional.empty(),
        Optional.of(NOW.minusSeconds(50)), Optional.of("cannot run sinfo"));

    Component component = SlurmHealth.of(never, NOW, EVERY_10_S);

    assertThat(component.status()).isEqualTo(Status.DEGRADED);
    assertThat(component.detail()).contains("no report yet", "cannot run sinfo");
  }
}
