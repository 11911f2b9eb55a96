package dev.kelvin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPacingTest {
  private final ReconnectPacing pacing = new ReconnectPacing(Duration.ofSeconds(1),
      Duration.ofSeconds(30));

  @Test
  void waits_first_after_the_first_failed_attempt() {
    assertThat(pacing.after(null)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void doubles_the_wait_after_each_failed_attempt() {
    assertThat(pacing.after(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(2));
    assertThat(pacing.after(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
    assertThat(pacing.after(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void caps_the_wait_at_max() {
    assertThat(pacing.after(Duration.ofSeconds(16))).isEqualTo(Duration.ofSeconds(30));
    assertThat(pacing.after(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void first_equal_to_max_never_grows() {
    ReconnectPacing flat = new ReconnectPacing(Duration.ofSeconds(5), Duration.ofSeconds(5));

    assertThat(flat.after(flat.after(null))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void defaults_to_one_second_doubling_to_thirty() {
    assertThat(ReconnectPacing.defaults()).isEqualTo(pacing);
  }

  @Test
  void refuses_a_zero_or_negative_first_wait_naming_both() {
    assertThatThrownBy(() -> new ReconnectPacing(Duration.ZERO, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 < first <= max").hasMessageContaining("first PT0S")
        .hasMessageContaining("max PT30S");
    assertThatThrownBy(() -> new ReconnectPacing(Duration.ofSeconds(-1), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first PT-1S");
  }

  @Test
  void refuses_a_max_below_first_naming_both() {
    assertThatThrownBy(() -> new ReconnectPacing(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first PT10S").hasMessageContaining("max PT5S");
  }
}
