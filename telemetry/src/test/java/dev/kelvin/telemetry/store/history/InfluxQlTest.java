package dev.kelvin.telemetry.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InfluxQlTest {
  @Test
  void quotes_an_identifier_escaping_its_double_quotes_and_backslashes() {
    assertThat(InfluxQl.identifier("node")).isEqualTo("\"node\"");
    assertThat(InfluxQl.identifier("my \"db\"\\x")).isEqualTo("\"my \\\"db\\\"\\\\x\"");
  }

  @Test
  void quotes_a_string_literal_escaping_its_single_quotes_and_backslashes() {
    assertThat(InfluxQl.literal("site-a")).isEqualTo("'site-a'");
    assertThat(InfluxQl.literal("it's\\")).isEqualTo("'it\\'s\\\\'");
  }

  @Test
  void a_literal_cannot_end_early_and_inject_a_statement() {
    String quoted = InfluxQl.literal("x' OR 1=1; DROP DATABASE kelvin --");

    assertThat(quoted).isEqualTo("'x\\' OR 1=1; DROP DATABASE kelvin --'");
  }

  @Test
  void refuses_names_with_line_breaks_or_nothing_in_them() {
    assertThatThrownBy(() -> InfluxQl.literal("a\nb"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single line");
    assertThatThrownBy(() -> InfluxQl.identifier(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
  }

  @Test
  void writes_times_and_steps_in_milliseconds() {
    assertThat(InfluxQl.time(Instant.ofEpochMilli(1_700_000_000_123L)))
        .isEqualTo("1700000000123ms");
    assertThat(InfluxQl.duration(Duration.ofSeconds(10))).isEqualTo("10000ms");
  }
}
