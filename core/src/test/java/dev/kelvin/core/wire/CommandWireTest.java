package dev.kelvin.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CommandWireTest {
  private final NodeCommand cap = new NodeCommand("a-1", SetpointKind.CPU_FREQ_CAP,
      Optional.empty(), 2400, Duration.ofSeconds(120), MutableClock.START, "thermal-cap-cpu");

  @Test
  void a_command_survives_encode_and_decode() {
    assertThat(CommandWire.decodeCommand(CommandWire.encode(cap))).isEqualTo(cap);
  }

  @Test
  void a_command_names_its_value_field_by_kind() {
    assertThat(CommandWire.encode(cap)).containsEntry("type", "set_cpu_freq_cap")
        .containsEntry("cpu_freq_cap_mhz", 2400.0).containsEntry("lease_s", 120.0)
        .doesNotContainKey("gpu");
  }

  @Test
  void a_gpu_command_carries_its_device() {
    NodeCommand gpu = new NodeCommand("a-2", SetpointKind.GPU_POWER_LIMIT,
        Optional.of(Device.gpu(3)),
        250, Duration.ofSeconds(60), MutableClock.START, "r");
    assertThat(CommandWire.decodeCommand(CommandWire.encode(gpu))).isEqualTo(gpu);
  }

  @Test
  void an_unknown_command_type_lists_the_known_ones() {
    Map<String, Object> json = new java.util.HashMap<>(CommandWire.encode(cap));
    json.put("type", "reboot");
    assertThatThrownBy(() -> CommandWire.decodeCommand(json))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("type"))
        .hasMessageContaining("set_cpu_freq_cap");
  }

  @Test
  void a_zero_lease_is_refused() {
    Map<String, Object> json = new java.util.HashMap<>(CommandWire.encode(cap));
    json.put("lease_s", 0);
    assertThatThrownBy(() -> CommandWire.decodeCommand(json))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
          assertThat(e.field()).isEqualTo("lease_s");
        });
  }

  @Test
  void a_gpu_index_out_of_range_names_the_gpu_field() {
    Map<String, Object> json = new java.util.HashMap<>(CommandWire.encode(cap));
    for (long bad : new long[] {-1, 10_000_000_000L}) {
      json.put("gpu", bad);
      assertThatThrownBy(() -> CommandWire.decodeCommand(json))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("gpu"));
    }
  }

  @Test
  void a_tiny_lease_rounds_up_to_a_millisecond_never_down_to_zero() {
    Map<String, Object> json = new java.util.HashMap<>(CommandWire.encode(cap));
    json.put("lease_s", 0.0001);
    assertThat(CommandWire.decodeCommand(json).lease()).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void an_ack_survives_encode_and_decode() {
    CommandAck ack = new CommandAck("a-1", CommandAck.Status.APPLIED, OptionalDouble.of(3000),
        OptionalDouble.of(2400), Optional.of(MutableClock.START.plusSeconds(120)),
        MutableClock.START, "applied");
    assertThat(CommandWire.decodeAck(CommandWire.encode(ack))).isEqualTo(ack);
  }

  @Test
  void an_ack_with_an_unknown_status_is_refused() {
    assertThatThrownBy(() -> CommandWire.decodeAck(Map.of("v", 1, "id", "a-1",
        "status", "maybe", "ts_ms", 1L)))
        .hasMessageContaining("applied, rejected, failed");
  }
}
