package dev.kelvin.core.config;

import static dev.kelvin.core.config.Docs.map;
import static dev.kelvin.core.config.Docs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTreeTest {
  enum Mode { LIVE, DRY_RUN }

  @Test
  void reads_text() {
    assertThat(tree("prefix", "site/v2").string("prefix", "kelvin/v1")).isEqualTo("site/v2");
  }

  @Test
  void an_absent_key_takes_its_default() {
    assertThat(tree().string("prefix", "kelvin/v1")).isEqualTo("kelvin/v1");
    assertThat(tree().integer("port", 1883, 1, 65535)).isEqualTo(1883);
  }

  @Test
  void a_key_written_without_a_value_takes_its_default() {
    ConfigTree tree = tree("prefix", null, "port", null, "keep_alive", null, "on", null,
        "hosts", null, "password", null, "mqtt", null);
    assertThat(tree.string("prefix", "kelvin/v1")).isEqualTo("kelvin/v1");
    assertThat(tree.integer("port", 1883, 1, 65535)).isEqualTo(1883);
    assertThat(tree.duration("keep_alive", Duration.ofSeconds(30))).hasSeconds(30);
    assertThat(tree.bool("on", true)).isTrue();
    assertThat(tree.stringList("hosts", List.of("a"))).containsExactly("a");
    assertThat(tree.secret("password")).isEmpty();
    assertThat(tree.section("mqtt").string("broker", "x")).isEqualTo("x");
  }

  @Test
  void refuses_a_number_where_text_is_expected_and_says_to_quote_it() {
    assertThatThrownBy(() -> tree("version", 1.1).string("version", "1.0"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("kelvin.yaml: version = 1.1: must be text; put it in quotes (YAML reads an"
            + " unquoted number, true/false or yes/no as a number or a boolean)");
  }

  @Test
  void refuses_blank_text_and_says_how_to_get_the_default() {
    assertThatThrownBy(() -> tree("prefix", " ").string("prefix", "kelvin/v1"))
        .hasMessage("kelvin.yaml: prefix = \" \": must not be empty;"
            + " remove the key to use the default");
  }

  @Test
  void optional_text_is_empty_when_absent_and_present_when_given() {
    assertThat(tree().optionalString("client_id")).isEmpty();
    assertThat(tree("client_id", "k1").optionalString("client_id")).contains("k1");
  }

  @Test
  void reads_a_whole_number_within_its_range() {
    assertThat(tree("port", 8883).integer("port", 1883, 1, 65535)).isEqualTo(8883);
    assertThat(tree("port", 8080.0).integer("port", 1883, 1, 65535)).isEqualTo(8080);
    assertThat(tree("seed", 5_000_000_000L).longInteger("seed", 42, 0, Long.MAX_VALUE))
        .isEqualTo(5_000_000_000L);
  }

  @Test
  void refuses_text_where_a_whole_number_is_expected() {
    assertThatThrownBy(() -> tree("mqtt", map("port", "abc")).section("mqtt")
        .integer("port", 1883, 1, 65535))
        .hasMessage("kelvin.yaml: mqtt.port = \"abc\": must be a whole number within 1..65535");
  }

  @Test
  void a_number_in_quotes_is_told_to_drop_the_quotes() {
    assertThatThrownBy(() -> tree("port", "1883").integer("port", 1883, 1, 65535))
        .hasMessage("kelvin.yaml: port = \"1883\": must be a whole number within 1..65535;"
            + " write it without quotes");
  }

  @Test
  void refuses_a_whole_number_out_of_range() {
    assertThatThrownBy(() -> tree("port", 70000).integer("port", 1883, 1, 65535))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("port");
          assertThat(e.value()).isEqualTo("70000");
        })
        .hasMessage("kelvin.yaml: port = 70000: must be a whole number within 1..65535");
  }

  @Test
  void refuses_a_fraction_where_a_whole_number_is_expected() {
    assertThatThrownBy(() -> tree("racks", 1.5).integer("racks", 4, 1, 1000))
        .hasMessage("kelvin.yaml: racks = 1.5: must be a whole number within 1..1000");
  }

  @Test
  void an_unbounded_side_of_a_range_is_not_named_unless_the_value_passes_it() {
    assertThatThrownBy(() -> tree("n", -1).integer("n", 1, 0, Integer.MAX_VALUE))
        .hasMessageEndingWith("n = -1: must be a whole number >= 0");
    assertThatThrownBy(() -> tree("n", 5_000_000_000L).integer("n", 1, 0, Integer.MAX_VALUE))
        .hasMessageEndingWith("must be a whole number within 0..2147483647");
    assertThatThrownBy(() -> tree("n", BigInteger.TEN.pow(30))
        .longInteger("n", 1, Long.MIN_VALUE, Long.MAX_VALUE))
        .hasMessageContaining("must be a whole number within -9223372036854775808..");
  }

  @Test
  void reads_a_decimal_from_any_number() {
    assertThat(tree("ratio", 0.25).decimal("ratio", 0.5, 0, 1)).isEqualTo(0.25);
    assertThat(tree("ratio", 1).decimal("ratio", 0.5, 0, 1)).isEqualTo(1.0);
    assertThat(tree("ratio", new BigDecimal("0.125")).decimal("ratio", 0.5, 0, 1))
        .isEqualTo(0.125);
  }

  @Test
  void refuses_a_decimal_out_of_range_or_in_quotes() {
    assertThatThrownBy(() -> tree("ratio", 1.5).decimal("ratio", 0.5, 0, 1))
        .hasMessage("kelvin.yaml: ratio = 1.5: must be a number within 0..1");
    assertThatThrownBy(() -> tree("ratio", "0.5").decimal("ratio", 0.5, 0, 1))
        .hasMessage("kelvin.yaml: ratio = \"0.5\": must be a number within 0..1;"
            + " write it without quotes");
  }

  @Test
  void refuses_nan_and_infinity() {
    assertThatThrownBy(() -> tree("limit_w", Double.NaN).decimal("limit_w", 1, 0, 1e6))
        .hasMessage("kelvin.yaml: limit_w = NaN: must be a number within 0..1000000;"
            + " .nan and .inf are not numbers Kelvin can use");
    assertThatThrownBy(() -> tree("x", Double.POSITIVE_INFINITY)
        .decimal("x", 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
        .hasMessage("kelvin.yaml: x = Infinity: must be a number;"
            + " .nan and .inf are not numbers Kelvin can use");
  }

  @Test
  void reads_booleans() {
    assertThat(tree("dry_run", true).bool("dry_run", false)).isTrue();
    assertThat(tree("dry_run", false).bool("dry_run", true)).isFalse();
  }

  @Test
  void refuses_a_quoted_boolean_and_a_number() {
    assertThatThrownBy(() -> tree("dry_run", "yes").bool("dry_run", false))
        .hasMessage("kelvin.yaml: dry_run = \"yes\": must be true or false,"
            + " written without quotes");
    assertThatThrownBy(() -> tree("dry_run", 1).bool("dry_run", false))
        .hasMessage("kelvin.yaml: dry_run = 1: must be true or false");
  }

  @Test
  void reads_an_enum_by_its_snake_case_name_in_any_case() {
    assertThat(tree("mode", "dry_run").enumValue("mode", Mode.class, Mode.LIVE))
        .isEqualTo(Mode.DRY_RUN);
    assertThat(tree("mode", "Dry-Run").enumValue("mode", Mode.class, Mode.LIVE))
        .isEqualTo(Mode.DRY_RUN);
    assertThat(tree("mode", "LIVE").enumValue("mode", Mode.class, Mode.DRY_RUN))
        .isEqualTo(Mode.LIVE);
  }

  @Test
  void refuses_an_unknown_enum_name_and_lists_the_allowed_ones() {
    assertThatThrownBy(() -> tree("mode", "dryrun").enumValue("mode", Mode.class, Mode.LIVE))
        .hasMessage("kelvin.yaml: mode = \"dryrun\": must be one of live, dry_run");
  }

  @Test
  void reads_a_list_of_text() {
    assertThat(tree("hosts", List.of("a", "b")).stringList("hosts", List.of()))
        .containsExactly("a", "b");
  }

  @Test
  void refuses_a_single_text_where_a_list_is_expected() {
    assertThatThrownBy(() -> tree("hosts", "a").stringList("hosts", List.of()))
        .hasMessage("kelvin.yaml: hosts = \"a\": must be a list of text;"
            + " write [a, b] or one \"- a\" line each");
  }

  @Test
  void names_the_element_of_a_list_that_is_not_text() {
    assertThatThrownBy(() -> tree("hosts", List.of("a", 7)).stringList("hosts", List.of()))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("hosts[1]"))
        .hasMessageStartingWith("kelvin.yaml: hosts[1] = 7: must be text; put it in quotes");
  }

  @Test
  void reads_a_list_of_numbers_and_an_absent_one_as_empty() {
    assertThat(tree("prices", List.of(1, 2.5)).decimalList("prices", 0, 10))
        .containsExactly(1.0, 2.5);
    assertThat(tree().decimalList("prices", 0, 10)).isEmpty();
  }

  @Test
  void names_the_element_of_a_list_of_numbers_that_is_out_of_range() {
    assertThatThrownBy(() -> tree("prices", List.of(1, 12)).decimalList("prices", 0, 10))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("prices[1]"))
        .hasMessageStartingWith("kelvin.yaml: prices[1] = 12: must be a number");
  }

  @Test
  void a_default_outside_its_own_range_is_a_programming_error_not_a_config_error() {
    assertThatThrownBy(() -> tree().integer("port", 0, 1, 65535))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("the default 0 of port is outside 1..65535");
  }
}
