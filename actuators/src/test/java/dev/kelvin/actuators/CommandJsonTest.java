package dev.kelvin.actuators;

import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.gpuLimit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.NodeCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandJsonTest {
  private final CommandJson json = new CommandJson();

  @Test
  void a_command_round_trips_through_json_and_the_wire_schema() throws IOException {
    NodeCommand command = SetpointCommands.command(gpuLimit("a-9", N07, 1, 275.5),
        MutableClock.START);

    byte[] bytes = json.encode(command);
    Map<String, Object> decoded = new ObjectMapper().readValue(bytes, new TypeReference<>() {});

    assertThat(CommandWire.decodeCommand(decoded)).isEqualTo(command);
    assertThat(decoded).containsEntry("type", "set_gpu_power_limit").containsEntry("gpu", 1)
        .containsEntry("gpu_power_limit_w", 275.5).containsEntry("lease_s", 120.0);
  }

  @Test
  void decodes_an_ack_with_read_back_values() {
    CommandAck ack = json.decodeAck(utf8("{\"v\":1,\"id\":\"a-9\",\"status\":\"applied\","
        + "\"before\":2600,\"after\":2400,\"lease_expires_ts_ms\":1767225720000,"
        + "\"ts_ms\":1767225600050,\"message\":\"ok\"}"));

    assertThat(ack.status()).isEqualTo(CommandAck.Status.APPLIED);
    assertThat(ack.before()).hasValue(2600);
    assertThat(ack.after()).hasValue(2400);
    assertThat(ack.leaseExpiresAt()).hasValueSatisfying(
        at -> assertThat(at.toEpochMilli()).isEqualTo(1767225720000L));
  }

  @Test
  void refuses_bytes_that_are_not_json_naming_the_payload() {
    assertThatThrownBy(() -> json.decodeAck(utf8("applied, thanks")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED);
          assertThat(e.field()).isEqualTo("payload");
        })
        .hasMessageStartingWith("ack is not a JSON object");
  }

  @Test
  void refuses_a_json_array_and_json_null() {
    assertThatThrownBy(() -> json.decodeAck(utf8("[1,2]")))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("ack is not a JSON");
    assertThatThrownBy(() -> json.decodeAck(utf8("null")))
        .isInstanceOf(ValidationException.class).hasMessage("ack is JSON null");
  }

  @Test
  void refuses_a_nan_literal_and_duplicate_fields() {
    assertThatThrownBy(() -> json.decodeAck(utf8("{\"v\":1,\"id\":\"a\",\"status\":\"applied\","
        + "\"after\":NaN,\"ts_ms\":1}")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED));
    assertThatThrownBy(() -> json.decodeAck(utf8("{\"v\":1,\"id\":\"a\",\"status\":\"applied\","
        + "\"status\":\"failed\",\"ts_ms\":1}")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED))
        .hasMessageContaining("status");
  }

  @Test
  void refuses_two_objects_in_one_payload() {
    assertThatThrownBy(() -> json.decodeAck(utf8("{\"v\":1,\"id\":\"a\",\"status\":"
        + "\"applied\",\"ts_ms\":1} {\"v\":1}")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED));
  }

  @Test
  void refuses_an_oversized_payload_without_parsing_it() {
    byte[] huge = new byte[CommandJson.MAX_ACK_BYTES + 1];

    assertThatThrownBy(() -> json.decodeAck(huge))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.TOO_LARGE))
        .hasMessageContaining(CommandJson.MAX_ACK_BYTES + 1 + " bytes");
  }

  @Test
  void passes_on_the_wire_schemas_field_errors() {
    assertThatThrownBy(() -> json.decodeAck(utf8("{\"v\":1,\"id\":\"a\",\"status\":\"done\","
        + "\"ts_ms\":1}")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("status"))
        .hasMessageContaining("'done'");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
