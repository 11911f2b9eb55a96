package dev.kelvin.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reason a single message can be refused for, and what a good one decodes to. */
class TelemetryDecoderTest {
  private static final Topics TOPICS = new Topics("kelvin/v1");
  private static final String N01 = "kelvin/v1/site-a/node/n01/telemetry";
  private static final long TS_MS = MutableClock.START.toEpochMilli();
  private static final String GOOD = "{\"v\":1,\"site\":\"site-a\",\"node\":\"n01\",\"rack\":\"r4\","
      + "\"ts_ms\":" + TS_MS + ",\"seq\":42,\"power_w\":312.5,\"cpu_temp_c\":71.2}";
  private static final int LIMIT = 1024;

  private final TelemetryDecoder decoder = new TelemetryDecoder(TOPICS, LIMIT);

  @Test
  void decodes_a_valid_payload_into_a_reading_of_the_topics_node() {
    NodeReading reading = decoder.decode(N01, bytes(GOOD));

    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "n01"));
    assertThat(reading.rack()).isEqualTo(RackId.of("r4"));
    assertThat(reading.at()).isEqualTo(MutableClock.START);
    assertThat(reading.seq()).isEqualTo(42);
    assertThat(reading.metrics().asMap()).containsOnlyKeys(NodeMetric.POWER_WATTS,
        NodeMetric.CPU_TEMP_CELSIUS);
    assertThat(reading.powerWatts()).hasValue(312.5);
  }

  @Test
  void readings_of_one_node_share_its_node_and_rack_ids_from_message_to_message() {
    String batch = "{\"v\":1,\"readings\":[{\"node\":\"n01\",\"rack\":\"r4\",\"ts_ms\":"
        + (TS_MS + 1000) + ",\"seq\":43,\"power_w\":300.0}]}";
    NodeReading first = decoder.decode(N01, bytes(GOOD));
    NodeReading second = decoder.decode("kelvin/v1/site-a/telemetry", bytes(batch),
        MutableClock.START).nodes().get(0);

    assertThat(second.node()).isSameAs(first.node());
    assertThat(second.rack()).isSameAs(first.rack());
    assertThat(second.seq()).isEqualTo(43);
  }

  @Test
  void takes_a_payload_of_exactly_the_limit() {
    String padded = GOOD.substring(0, GOOD.length() - 1) + ",\"pad\":\"";
    String exact = padded + "x".repeat(LIMIT - padded.length() - 2) + "\"}";

    assertThat(bytes(exact)).hasSize(LIMIT);
    assertThat(decoder.decode(N01, bytes(exact)).seq()).isEqualTo(42);
  }

  static Stream<Arguments> refusals() {
    String ts = "\"ts_ms\":" + TS_MS + ",\"seq\":1";
    return Stream.of(
        refusal("malformed JSON", N01, "{\"v\":1,\"ts_ms\":", RejectReason.MALFORMED, "payload",
            "not valid JSON"),
        refusal("NaN literal", N01, "{\"v\":1," + ts + ",\"power_w\":NaN}",
            RejectReason.MALFORMED, "payload", "NaN"),
        refusal("Infinity literal", N01, "{\"v\":1," + ts + ",\"power_w\":-Infinity}",
            RejectReason.MALFORMED, "payload", "Infinity"),
        refusal("duplicate key", N01, "{\"v\":1," + ts + ",\"power_w\":1,\"power_w\":2}",
            RejectReason.MALFORMED, "payload", "Duplicate field 'power_w'"),
        refusal("array at the top level", N01, "[" + GOOD + "]", RejectReason.MALFORMED,
            "payload", "JSON array"),
        refusal("bare number at the top level", N01, "42", RejectReason.MALFORMED, "payload",
            "bare JSON value"),
        refusal("empty payload", N01, "", RejectReason.MALFORMED, "payload", "was empty"),
        refusal("content after the object", N01, GOOD + " {}", RejectReason.MALFORMED,
            "payload", "not valid JSON"),
        refusal("invalid UTF-8", N01, null, RejectReason.MALFORMED, "payload", "UTF-8"),
        refusal("too large", N01, "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}",
            RejectReason.TOO_LARGE, "payload", "limit of 1024 bytes"),
        refusal("foreign prefix", "other/site-a/node/n01/telemetry", GOOD,
            RejectReason.BAD_TOPIC, "topic", "kelvin/v1/{site}/node/{node}/telemetry"),
        refusal("status channel", "kelvin/v1/site-a/node/n01/status", GOOD,
            RejectReason.BAD_TOPIC, "topic", "not a node telemetry topic"),
        refusal("invalid node name", "kelvin/v1/site-a/node/n 01/telemetry", GOOD,
            RejectReason.BAD_TOPIC, "topic", "not a node telemetry topic"),
        refusal("topic mismatch", "kelvin/v1/site-a/node/n02/telemetry", GOOD,
            RejectReason.TOPIC_MISMATCH, "node", "n01"),
        refusal("missing ts", N01, "{\"v\":1,\"seq\":1,\"power_w\":300}",
            RejectReason.MISSING_FIELD, "ts_ms", "ts_ms"),
        refusal("ts in microseconds", N01, "{\"v\":1,\"ts_ms\":" + TS_MS * 1000
            + ",\"seq\":1,\"power_w\":3}", RejectReason.OUT_OF_RANGE, "ts_ms", "microseconds"),
        refusal("negative watts", N01, "{\"v\":1," + ts + ",\"power_w\":-1}",
            RejectReason.OUT_OF_RANGE, "power_w", "missing reading sent as -1"),
        refusal("Fahrenheit-like temperature", N01, "{\"v\":1," + ts + ",\"cpu_temp_c\":171.5}",
            RejectReason.OUT_OF_RANGE, "cpu_temp_c", "Fahrenheit"),
        refusal("number sent as a string", N01, "{\"v\":1," + ts + ",\"power_w\":\"300\"}",
            RejectReason.WRONG_TYPE, "power_w", "a number sent as a string"),
        refusal("overflowing number", N01, "{\"v\":1," + ts + ",\"power_w\":1e400}",
            RejectReason.NOT_FINITE, "power_w", "finite"),
        refusal("newer format", N01, "{\"v\":2," + ts + ",\"power_w\":300}",
            RejectReason.UNSUPPORTED_VERSION, "v", "v=2"),
        refusal("no measurement", N01, "{\"v\":1," + ts + "}", RejectReason.MISSING_FIELD,
            "metrics", "carries no measurement"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses_with_the_reason_and_the_field_at_fault(String name, String topic,
      byte[] payload, RejectReason reason, String field, String hint) {
    assertThatThrownBy(() -> decoder.decode(topic, payload))
        .isInstanceOfSatisfying(ValidationException.class, refused -> {
          assertThat(refused.reason()).isEqualTo(reason);
          assertThat(refused.field()).isEqualTo(field);
          assertThat(refused.getMessage()).contains(hint);
        });
  }

  @Test
  void keeps_parser_messages_short_enough_for_a_log_line() {
    String deep = "{\"a\":" + "[".repeat(900) + "}";

    assertThatThrownBy(() -> decoder.decode(N01, bytes(deep)))
        .isInstanceOfSatisfying(ValidationException.class, refused ->
            assertThat(refused.getMessage()).hasSizeLessThan(260));
  }

  private static Arguments refusal(String name, String topic, String payload,
      RejectReason reason, String field, String hint) {
    byte[] raw = payload == null ? new byte[] {'{', '"', 'v', '"', ':', (byte) 0xC3, '}'}
        : bytes(payload);
    return Arguments.of(name, topic, raw, reason, field, hint);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
