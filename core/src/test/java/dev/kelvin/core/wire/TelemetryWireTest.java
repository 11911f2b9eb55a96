package dev.kelvin.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetryWireTest {
  private static final NodeId N01 = NodeId.of("site-a", "n01");

  @Test
  void a_reading_survives_encode_and_decode_unchanged() {
    NodeReading reading = Readings.reading().node(N01).seq(42).build();
    assertThat(TelemetryWire.decode(N01, TelemetryWire.encode(reading))).isEqualTo(reading);
  }

  @Test
  void encodes_units_in_field_names_and_epoch_milliseconds() {
    Map<String, Object> json = TelemetryWire.encode(Readings.reading().node(N01).build());
    assertThat(json).containsEntry("v", 1).containsEntry("node", "n01")
        .containsEntry("site", "site-a").containsEntry("power_w", 300.0)
        .containsEntry("cpu_temp_c", 60.0).containsKey("ts_ms");
  }

  @Test
  void absent_and_null_metrics_are_missing_readings() {
    Map<String, Object> json = minimal();
    json.put("power_w", 250);
    json.put("cpu_temp_c", null);
    NodeReading reading = TelemetryWire.decode(N01, json);
    assertThat(reading.powerWatts()).hasValue(250);
    assertThat(reading.cpuTempCelsius()).isEmpty();
    assertThat(reading.rack()).isEqualTo(RackId.UNKNOWN);
  }

  @Test
  void unknown_fields_are_ignored_for_forward_compatibility() {
    Map<String, Object> json = minimal();
    json.put("power_w", 250);
    json.put("fan_rpm", 9000);
    assertThat(TelemetryWire.decode(N01, json).powerWatts()).hasValue(250);
  }

  @Test
  void a_payload_naming_another_node_than_its_topic_is_a_topic_mismatch() {
    Map<String, Object> json = minimal();
    json.put("power_w", 250);
    json.put("node", "n02");
    assertRejected(json, RejectReason.TOPIC_MISMATCH, "node");
  }

  @Test
  void another_format_version_is_unsupported() {
    Map<String, Object> json = minimal();
    json.put("power_w", 250);
    json.put("v", 2);
    assertRejected(json, RejectReason.UNSUPPORTED_VERSION, "v");
  }

  @Test
  void a_missing_timestamp_is_a_missing_field() {
    Map<String, Object> json = minimal();
    json.put("power_w", 250);
    json.remove("ts_ms");
    assertRejected(json, RejectReason.MISSING_FIELD, "ts_ms");
  }

  @Test
  void a_timestamp_in_seconds_or_microseconds_says_which_unit_is_expected() {
    Map<String, Object> json = minimal();
    json.put("power_w", 250);
    json.put("ts_ms", -5L);
    assertThatThrownBy(() -> TelemetryWire.decode(N01, json)).hasMessageContaining("13 digits");
    json.put("ts_ms", 1_763_900_000L);
    assertThatThrownBy(() -> TelemetryWire.decode(N01, json))
        .hasMessageContaining("seconds? multiply by 1000");
    json.put("ts_ms", 1_763_900_000_000_000L);
    assertThatThrownBy(() -> TelemetryWire.decode(N01, json))
        .hasMessageContaining("microseconds");
  }

  @Test
  void a_number_sent_as_a_string_is_the_wrong_type() {
    Map<String, Object> json = minimal();
    json.put("power_w", "250");
    assertRejected(json, RejectReason.WRONG_TYPE, "power_w");
  }

  @Test
  void a_fractional_sequence_number_is_the_wrong_type_and_a_huge_one_too() {
    Map<String, Object> json = minimal();
    json.put("power_w", 250);
    json.put("seq", 1.5);
    assertRejected(json, RejectReason.WRONG_TYPE, "seq");
    json.put("seq", BigInteger.TWO.pow(70));
    assertRejected(json, RejectReason.WRONG_TYPE, "seq");
  }

  @Test
  void negative_watts_are_out_of_range() {
    Map<String, Object> json = minimal();
    json.put("power_w", -1);
    assertRejected(json, RejectReason.OUT_OF_RANGE, "power_w");
  }

  @Test
  void nan_from_a_lenient_parser_is_not_finite() {
    Map<String, Object> json = minimal();
    json.put("power_w", Double.NaN);
    assertRejected(json, RejectReason.NOT_FINITE, "power_w");
  }

  @Test
  void a_reading_with_no_metric_is_a_missing_field() {
    assertRejected(minimal(), RejectReason.MISSING_FIELD, "metrics");
  }

  @Test
  void an_invalid_rack_name_names_the_rack_field() {
    Map<String, Object> json = minimal();
    json.put("power_w", 250);
    json.put("rack", "r 1");
    assertRejected(json, RejectReason.OUT_OF_RANGE, "rack");
  }

  @Test
  void every_node_metric_is_decoded_from_its_wire_name() {
    Map<String, Object> json = minimal();
    for (NodeMetric metric : NodeMetric.values()) {
      if (metric.atNode()) {
        json.put(metric.wireName(), metric.min());
      }
    }
    NodeReading reading = TelemetryWire.decode(N01, json);
    for (NodeMetric metric : NodeMetric.values()) {
      if (metric.atNode()) {
        assertThat(reading.metrics().get(metric)).as(metric.wireName()).hasValue(metric.min());
      }
    }
  }

  @Test
  void gpu_and_cpu_package_entries_are_decoded_per_device_and_survive_encode() {
    Map<String, Object> json = minimal();
    json.put("power_w", 900);
    json.put("gpus", List.of(
        Map.of("index", 1, "gpu_power_w", 250.5, "gpu_power_limit_w", 300,
            "gpu_power_limit_min_w", 100, "gpu_power_limit_max_w", 350),
        Map.of("index", 0, "gpu_temp_c", 61)));
    json.put("cpu_packages", List.of(Map.of("index", 0, "cpu_temp_c", 70.5, "cpu_power_w", 160)));

    NodeReading reading = TelemetryWire.decode(N01, json);

    assertThat(reading.devices().keySet()).containsExactly(Device.gpu(0), Device.gpu(1),
        Device.cpuPackage(0));
    assertThat(reading.get(NodeMetric.GPU_POWER_LIMIT_WATTS, Optional.of(Device.gpu(1))))
        .hasValue(300);
    assertThat(reading.get(NodeMetric.CPU_TEMP_CELSIUS, Optional.of(Device.cpuPackage(0))))
        .hasValue(70.5);
    assertThat(TelemetryWire.decode(N01, TelemetryWire.encode(reading))).isEqualTo(reading);
  }

  @Test
  void a_node_metric_inside_a_gpu_entry_is_inconsistent_and_named_with_its_entry() {
    Map<String, Object> json = minimal();
    json.put("gpus", List.of(Map.of("index", 0, "power_w", 250)));
    assertRejected(json, RejectReason.INCONSISTENT, "gpus[0].power_w");
  }

  @Test
  void a_gpu_only_metric_at_node_level_is_inconsistent() {
    Map<String, Object> json = minimal();
    json.put("gpu_power_limit_w", 300);
    assertRejected(json, RejectReason.INCONSISTENT, "gpu_power_limit_w");
  }

  @Test
  void a_device_listed_twice_or_without_an_index_is_refused() {
    Map<String, Object> twice = minimal();
    twice.put("gpus", List.of(Map.of("index", 0, "gpu_temp_c", 50),
        Map.of("index", 0, "gpu_temp_c", 51)));
    assertRejected(twice, RejectReason.INCONSISTENT, "gpus[1]");
    Map<String, Object> noIndex = minimal();
    noIndex.put("gpus", List.of(Map.of("gpu_temp_c", 50)));
    assertRejected(noIndex, RejectReason.MISSING_FIELD, "gpus[0].index");
    Map<String, Object> notAList = minimal();
    notAList.put("gpus", "0");
    assertRejected(notAList, RejectReason.WRONG_TYPE, "gpus");
  }

  @Test
  void a_gpu_limit_minimum_above_its_maximum_is_inconsistent() {
    Map<String, Object> json = minimal();
    json.put("gpus", List.of(Map.of("index", 2, "gpu_power_limit_min_w", 400,
        "gpu_power_limit_max_w", 350)));
    assertRejected(json, RejectReason.INCONSISTENT, "gpus[0].gpu_power_limit_min_w");
  }

  private static Map<String, Object> minimal() {
    Map<String, Object> json = new HashMap<>();
    json.put("v", 1);
    json.put("ts_ms", 1_763_900_000_000L);
    json.put("seq", 7);
    return json;
  }

  private static void assertRejected(Map<String, Object> json, RejectReason reason,
      String field) {
    assertThatThrownBy(() -> TelemetryWire.decode(N01, json))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.field()).isEqualTo(field);
        });
  }
}
