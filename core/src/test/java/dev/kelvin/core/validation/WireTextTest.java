package dev.kelvin.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireTextTest {
  @Test
  void short_text_is_shown_as_it_is() {
    assertThat(WireText.shown("kelvin/v1/site-a/node/n01/telemetry"))
        .isEqualTo("kelvin/v1/site-a/node/n01/telemetry");
  }

  @Test
  void a_65_kB_topic_is_cut_to_a_prefix_with_its_original_length() {
    String shown = WireText.shown("x".repeat(65_535));

    assertThat(shown).isEqualTo("x".repeat(120) + "... (65535 chars)");
  }

  @Test
  void control_characters_are_escaped_so_they_cannot_forge_a_log_line() {
    assertThat(WireText.shown("n01\nWARN forged\u0000\u2028"))
        .isEqualTo("n01\\u000aWARN forged\\u0000\\u2028");
  }

  @Test
  void null_is_shown_as_the_word_null() {
    assertThat(WireText.shown(null)).isEqualTo("null");
  }

  @Test
  void a_caller_may_show_fewer_characters() {
    assertThat(WireText.shown("abcdefgh", 3)).isEqualTo("abc... (8 chars)");
  }

  @Test
  void a_limit_below_one_character_is_refused() {
    assertThatThrownBy(() -> WireText.shown("a", 0))
        .hasMessageContaining("maxChars must be >= 1");
  }
}
