package dev.kelvin.agent.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.NodeCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AppliedCommandsTest {
  private static final Instant START = MutableClock.START;

  private final AppliedCommands applied = new AppliedCommands();

  private static NodeCommand command(String id, Instant issuedAt) {
    return new NodeCommand(id, SetpointKind.CPU_FREQ_CAP, Optional.empty(), 2400,
        Duration.ofMinutes(1), issuedAt, "thermal-cap-cpu");
  }

  private static CommandAck ack(String id) {
    return new CommandAck(id, CommandAck.Status.APPLIED, OptionalDouble.of(3000),
        OptionalDouble.of(2400), Optional.of(START.plusSeconds(60)), START, "applied");
  }

  @Test
  void knows_a_command_issued_no_later_than_the_newest_applied_with_its_id() {
    applied.remember(command("a1", START.plusSeconds(30)), ack("a1"), START.plusSeconds(95));

    assertThat(applied.answered(command("a1", START.plusSeconds(30)), START)).isPresent();
    assertThat(applied.answered(command("a1", START), START)).isPresent();
    assertThat(applied.answered(command("a1", START.plusSeconds(31)), START))
        .as("a renewal, issued later").isEmpty();
    assertThat(applied.answered(command("a2", START), START)).isEmpty();
  }

  @Test
  void forgets_an_id_once_a_copy_of_it_would_be_stale() {
    applied.remember(command("a1", START), ack("a1"), START.plusSeconds(65));

    assertThat(applied.answered(command("a1", START), START.plusSeconds(65))).isPresent();
    assertThat(applied.answered(command("a1", START), START.plusSeconds(65).plusMillis(1)))
        .isEmpty();
    assertThat(applied.size()).isZero();
  }

  @Test
  void keeps_at_most_its_bound_forgetting_the_longest_known_first() {
    Instant forgetAfter = START.plus(Duration.ofHours(1));
    for (int i = 0; i <= AppliedCommands.MAX_IDS; i++) {
      applied.remember(command("a" + i, START), ack("a" + i), forgetAfter);
    }

    assertThat(applied.size()).isEqualTo(AppliedCommands.MAX_IDS);
    assertThat(applied.answered(command("a0", START), START)).isEmpty();
    assertThat(applied.answered(command("a1", START), START)).isPresent();
  }
}
