package dev.kelvin.core.config;

import static dev.kelvin.core.config.Docs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {
  private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

  @ParameterizedTest
  @CsvSource({"250ms, PT0.25S", "30s, PT30S", "2m, PT2M", "1.5h, PT1H30M", "1h, PT1H",
      "1d, PT24H", "0s, PT0S", "30 s, PT30S", "1.5ms, PT0.0015S"})
  void reads_a_duration_written_with_a_unit(String written, Duration expected) {
    assertThat(tree("keep_alive", written).duration("keep_alive", THIRTY_SECONDS))
        .isEqualTo(expected);
  }

  @Test
  void refuses_a_duration_with_an_unknown_unit() {
    assertThatThrownBy(() -> tree("mqtt", Docs.map("keep_alive", "30x")).section("mqtt")
        .duration("keep_alive", THIRTY_SECONDS))
        .hasMessage("kelvin.yaml: mqtt.keep_alive = \"30x\": not a duration;"
            + " write a number and a unit: 500ms, 30s, 2m, 1h, 1d");
  }

  @Test
  void rejects_a_duration_without_a_unit() {
    assertThatThrownBy(() -> tree("keep_alive", 30).duration("keep_alive", THIRTY_SECONDS))
        .hasMessage("kelvin.yaml: keep_alive = 30: a bare number is not a duration;"
            + " give a unit: 30s for seconds, 30ms for milliseconds, 30m for minutes");
  }

  @Test
  void rejects_a_negative_duration() {
    assertThatThrownBy(() -> tree("keep_alive", "-5s").duration("keep_alive", THIRTY_SECONDS))
        .hasMessageStartingWith("kelvin.yaml: keep_alive = \"-5s\": must not be negative;");
    assertThatThrownBy(() -> tree("keep_alive", -5).duration("keep_alive", THIRTY_SECONDS))
        .hasMessageStartingWith("kelvin.yaml: keep_alive = -5: must not be negative;");
  }

  @Test
  void rejects_spelled_out_units() {
    assertThatThrownBy(() -> tree("tick", "1sec").duration("tick", THIRTY_SECONDS))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> tree("tick", "PT1S").duration("tick", THIRTY_SECONDS))
        .hasMessageContaining("not a duration");
  }

  @Test
  void refuses_a_duration_outside_its_range_naming_the_range() {
    assertThatThrownBy(() -> tree("interval", "0s").duration("interval", THIRTY_SECONDS,
        Duration.ofSeconds(1), Duration.ofDays(1)))
        .hasMessage("kelvin.yaml: interval = \"0s\": must be within 1s..1d;"
            + " write a number and a unit: 500ms, 30s, 2m, 1h, 1d");
    assertThat(tree("interval", "1d").duration("interval", THIRTY_SECONDS,
        Duration.ofSeconds(1), Duration.ofDays(1))).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void an_optional_duration_is_empty_when_absent_and_documented_as_none() {
    ConfigTree tree = tree("other", 1);

    assertThat(tree.optionalDuration("sample_every", Duration.ofSeconds(1), Duration.ofDays(1)))
        .isEmpty();
    assertThat(tree.keysRead()).containsExactly(new ConfigKey("sample_every", "none"));
    assertThat(tree("sample_every", "60s").optionalDuration("sample_every",
        Duration.ofSeconds(1), Duration.ofDays(1))).hasValue(Duration.ofMinutes(1));
    assertThatThrownBy(() -> tree("sample_every", "2d").optionalDuration("sample_every",
        Duration.ofSeconds(1), Duration.ofDays(1)))
        .hasMessageStartingWith("kelvin.yaml: sample_every = \"2d\": must be within 1s..1d;");
  }

  @ParameterizedTest
  @CsvSource({"PT30S, 30s", "PT90M, 90m", "PT1H, 1h", "PT48H, 2d", "PT0.25S, 250ms",
      "PT0.0015S, 1.5ms", "PT0S, 0s"})
  void writes_a_duration_with_the_largest_whole_unit(Duration duration, String written) {
    assertThat(Quantities.durationText(duration)).isEqualTo(written);
  }

  @ParameterizedTest
  @CsvSource({"512, 512", "512B, 512", "64KiB, 65536", "1MiB, 1048576", "2GiB, 2147483648",
      "1TiB, 1099511627776", "64KB, 64000", "64kb, 64000", "1MB, 1000000", "1.5KiB, 1536",
      "2 GiB, 2147483648"})
  void reads_a_size_with_binary_or_decimal_units(String written, long bytes) {
    assertThat(tree("buffer", written).bytes("buffer", 0)).isEqualTo(bytes);
  }

  @Test
  void reads_a_size_given_as_a_bare_number_of_bytes() {
    assertThat(tree("buffer", 4096).bytes("buffer", 0)).isEqualTo(4096);
  }

  @Test
  void refuses_an_ambiguous_single_letter_unit() {
    assertThatThrownBy(() -> tree("buffer", "64k").bytes("buffer", 0))
        .hasMessage("kelvin.yaml: buffer = \"64k\": \"k\" is ambiguous;"
            + " write 64KiB (1024-based) or 64KB (1000-based)");
  }

  @Test
  void refuses_a_size_with_an_unknown_unit_a_sign_or_a_fraction_of_a_byte() {
    assertThatThrownBy(() -> tree("buffer", "64XB").bytes("buffer", 0))
        .hasMessageStartingWith("kelvin.yaml: buffer = \"64XB\": unknown unit \"XB\";");
    assertThatThrownBy(() -> tree("buffer", "-1KiB").bytes("buffer", 0))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> tree("buffer", -1).bytes("buffer", 0))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> tree("buffer", "1.5B").bytes("buffer", 0))
        .hasMessageContaining("not a whole number of bytes");
    assertThatThrownBy(() -> tree("buffer", 1.5).bytes("buffer", 0))
        .hasMessageStartingWith("kelvin.yaml: buffer = 1.5: not a size; write a number of bytes");
  }

  @Test
  void refuses_a_size_beyond_64_bits() {
    assertThatThrownBy(() -> tree("buffer", "10000000TiB").bytes("buffer", 0))
        .hasMessageContaining("too large");
  }

  @ParameterizedTest
  @CsvSource({"65536, 64KiB", "1048576, 1MiB", "1000000, 1MB", "64000, 64KB", "1536, 1536",
      "0, 0", "512, 512"})
  void writes_a_size_with_the_largest_whole_unit(long bytes, String written) {
    assertThat(Quantities.bytesText(bytes)).isEqualTo(written);
  }
}
