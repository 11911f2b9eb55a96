package dev.kelvin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The one JSON mapper for MQTT payloads: one object in, a map out, and every other payload
 * refused as {@code malformed} or {@code too_large} with a message that says what and where.
 */
class StrictJsonTest {
  private static final int LIMIT = 4096;

  @Test
  void parses_one_object_into_a_map_of_its_fields() {
    Map<String, Object> parsed = parse("{\"v\":1,\"id\":\"a-9\",\"power_w\":275.5,"
        + "\"ok\":true,\"gpus\":[1,2],\"limits\":{\"max_w\":300}}");

    assertThat(parsed).containsOnlyKeys("v", "id", "power_w", "ok", "gpus", "limits")
        .containsEntry("v", 1).containsEntry("id", "a-9").containsEntry("power_w", 275.5)
        .containsEntry("ok", true).containsEntry("gpus", List.of(1, 2))
        .containsEntry("limits", Map.of("max_w", 300));
  }

  @Test
  void refuses_bytes_that_are_not_json_naming_the_payload() {
    assertMalformed("applied, thanks")
        .hasMessageStartingWith("ack is not valid JSON: ");
  }

  @Test
  void refuses_a_json_array_asking_for_one_object_per_message() {
    assertMalformed("[{\"v\":1},{\"v\":1}]")
        .hasMessage("ack must be one JSON object {...}, was a JSON array (send one object per"
            + " message)");
  }

  @Test
  void refuses_json_null_as_a_bare_value() {
    assertMalformed("null").hasMessage("ack must be one JSON object {...}, was a bare JSON"
        + " value (null)");
  }

  @Test
  void refuses_a_bare_number() {
    assertMalformed("42").hasMessageStartingWith("ack must be one JSON object {...}, was a bare"
        + " JSON value");
  }

  @Test
  void refuses_an_empty_payload() {
    assertMalformed("").hasMessage("ack must be one JSON object {...}, was empty");
  }

  @Test
  void refuses_a_json_string_suspecting_it_was_encoded_twice() {
    assertMalformed("\"{\\\"v\\\":1}\"").hasMessageContaining("a JSON string")
        .hasMessageContaining("encoded twice?");
  }

  @Test
  void refuses_a_nan_literal_explaining_that_json_has_none_and_to_leave_the_field_out() {
    assertMalformed("{\"v\":1,\"after\":NaN}")
        .hasMessageContaining("JSON has no NaN or Infinity: leave the field out")
        .hasMessageNotContaining("enable");
  }

  @Test
  void refuses_an_infinity_literal_the_same_way() {
    assertMalformed("{\"v\":1,\"after\":-Infinity}")
        .hasMessageContaining("JSON has no NaN or Infinity");
  }

  @Test
  void refuses_duplicate_keys_naming_the_key() {
    assertMalformed("{\"status\":\"applied\",\"status\":\"failed\"}")
        .hasMessageContaining("status");
  }

  @Test
  void refuses_a_duplicate_key_inside_a_nested_object_with_its_place() {
    assertMalformed("{\"readings\":[{\"node\":\"a\",\"power_w\":1.0,\"power_w\":2.0}]}")
        .hasMessageContaining("Duplicate field 'power_w'").hasMessageContaining(" at line 1,");
  }

  @Test
  void refuses_a_duplicate_key_whose_first_value_was_null() {
    assertMalformed("{\"power_w\":null,\"power_w\":2.0}")
        .hasMessageContaining("Duplicate field 'power_w'");
  }

  @Test
  void keeps_the_same_key_in_sibling_objects() {
    Map<String, Object> parsed = parse("{\"readings\":[{\"node\":\"a\"},{\"node\":\"b\"}]}");

    assertThat(parsed.get("readings"))
        .isEqualTo(List.of(Map.of("node", "a"), Map.of("node", "b")));
  }

  @Test
  void reads_integers_by_size_and_every_fraction_or_exponent_as_a_double() {
    Map<String, Object> parsed = parse("{\"i\":7,\"l\":12345678901,"
        + "\"b\":123456789012345678901234,\"d\":1.5,\"e\":2e3,\"n\":null}");

    assertThat(parsed.get("i")).isEqualTo(7);
    assertThat(parsed.get("l")).isEqualTo(12_345_678_901L);
    assertThat(parsed.get("b")).isEqualTo(new java.math.BigInteger("123456789012345678901234"));
    assertThat(parsed.get("d")).isEqualTo(1.5);
    assertThat(parsed.get("e")).isEqualTo(2000.0);
    assertThat(parsed).containsEntry("n", null);
    assertThat(parsed.keySet()).containsExactly("i", "l", "b", "d", "e", "n");
  }

  @Test
  void refuses_two_objects_in_one_payload() {
    assertMalformed("{\"v\":1} {\"v\":2}").hasMessageStartingWith("ack is not valid JSON");
  }

  @Test
  void refuses_trailing_garbage_after_the_object() {
    assertMalformed("{\"v\":1}garbage").hasMessageStartingWith("ack is not valid JSON");
  }

  @Test
  void refuses_a_truncated_object() {
    assertMalformed("{\"v\":1,\"id\":").hasMessageStartingWith("ack is not valid JSON");
  }

  @Test
  void gives_line_and_column_of_a_syntax_error() {
    assertMalformed("{\n  \"v\": 1,\n  \"id\": oops\n}")
        .hasMessageContaining(" at line 3, column ");
  }

  @Test
  void keeps_a_syntax_error_to_one_line() {
    assertMalformed("{\"v\":1,\"id\":oops}").hasMessageNotContaining("\n");
  }

  @Test
  void names_what_the_payload_was_supposed_to_be() {
    assertThatThrownBy(() -> StrictJson.parseObject(utf8("[]"), LIMIT, "telemetry"))
        .hasMessageStartingWith("telemetry must be one JSON object");
    assertThatThrownBy(() -> StrictJson.parseObject(utf8("{oops"), LIMIT, "command"))
        .hasMessageStartingWith("command is not valid JSON");
  }

  @Test
  void refuses_a_payload_above_the_limit_without_parsing_it() {
    byte[] notEvenJson = new byte[LIMIT + 1];

    assertThatThrownBy(() -> StrictJson.parseObject(notEvenJson, LIMIT, "ack"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE);
          assertThat(e.field()).isEqualTo("payload");
        })
        .hasMessage("ack payload of 4097 bytes is larger than the limit of 4096 bytes");
  }

  @Test
  void accepts_a_payload_exactly_at_the_limit() {
    byte[] payload = utf8("{\"v\":1}");

    assertThat(StrictJson.parseObject(payload, payload.length, "ack")).containsEntry("v", 1);
  }

  @Test
  void write_round_trips_a_map_with_nested_lists_and_maps() {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("min_w", 100);
    limits.put("max_w", 300.5);
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("v", 1);
    object.put("id", "a-9");
    object.put("applied", false);
    object.put("gpus", List.of(0, 1, List.of("nested")));
    object.put("limits", limits);

    byte[] written = StrictJson.write(object);

    assertThat(StrictJson.parseObject(written, LIMIT, "round trip")).isEqualTo(object);
    assertThat(new String(written, StandardCharsets.UTF_8)).startsWith("{\"v\":1,\"id\":\"a-9\"");
  }

  @Test
  void abbreviate_leaves_short_text_alone() {
    assertThat(StrictJson.abbreviate("short")).isEqualTo("short");
    assertThat(StrictJson.abbreviate("x".repeat(160))).isEqualTo("x".repeat(160));
  }

  @Test
  void abbreviate_cuts_long_text_to_a_log_line_with_an_ellipsis_and_the_length() {
    String cut = StrictJson.abbreviate("x".repeat(1000));

    assertThat(cut).isEqualTo("x".repeat(160) + "... (1000 chars)");
  }

  @Test
  void abbreviate_escapes_control_characters_so_a_message_stays_on_one_line() {
    assertThat(StrictJson.abbreviate("bad\nvalue\r")).isEqualTo("bad\\u000avalue\\u000d");
  }

  private static Map<String, Object> parse(String json) {
    return StrictJson.parseObject(utf8(json), LIMIT, "ack");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(String json) {
    return assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED);
          assertThat(e.field()).isEqualTo("payload");
        });
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
