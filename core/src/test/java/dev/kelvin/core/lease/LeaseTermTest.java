package dev.kelvin.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseTermTest {
  private static final Instant T0 = MutableClock.START;
  private final LeaseTerm term = new LeaseTerm(T0, Duration.ofSeconds(120));

  @Test
  void expires_at_its_instant_not_after_it() {
    assertThat(term.expiresAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(term.expiredAt(T0.plusSeconds(119))).isFalse();
    assertThat(term.expiredAt(T0.plusSeconds(120))).isTrue();
  }

  @Test
  void is_due_for_renewal_once_half_has_run_and_until_it_expires() {
    assertThat(term.renewalDueAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(term.renewalDueAt(T0.plusSeconds(59))).isFalse();
    assertThat(term.renewalDueAt(T0.plusSeconds(60))).isTrue();
    assertThat(term.renewalDueAt(T0.plusSeconds(120))).as("too late: it has run out").isFalse();
  }

  @Test
  void a_renewal_keeps_the_length_from_the_new_instant() {
    assertThat(term.renewedAt(T0.plusSeconds(70)).expiresAt()).isEqualTo(T0.plusSeconds(190));
    assertThat(LeaseTerm.endingAt(T0.plusSeconds(30), Duration.ofSeconds(30)).grantedAt())
        .isEqualTo(T0);
  }

  @Test
  void refuses_a_lease_without_a_length() {
    assertThatThrownBy(() -> new LeaseTerm(T0, Duration.ZERO))
        .hasMessageContaining("dead controller");
  }
}
