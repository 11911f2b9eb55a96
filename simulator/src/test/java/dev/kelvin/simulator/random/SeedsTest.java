package dev.kelvin.simulator.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void the_same_seed_purpose_and_key_give_the_same_stream() {
    assertThat(Seeds.stream(42, "noise", "n01").nextLong())
        .isEqualTo(Seeds.stream(42, "noise", "n01").nextLong());
  }

  @Test
  void a_different_seed_purpose_or_key_gives_a_different_stream() {
    long base = Seeds.derive(42, "noise", "n01");
    assertThat(Seeds.derive(43, "noise", "n01")).isNotEqualTo(base);
    assertThat(Seeds.derive(42, "workload", "n01")).isNotEqualTo(base);
    assertThat(Seeds.derive(42, "noise", "n02")).isNotEqualTo(base);
  }
}
