package dev.kelvin.telemetry.decode.telegraf;

import static dev.kelvin.telemetry.decode.telegraf.TelegrafLines.bytes;
import static dev.kelvin.telemetry.decode.telegraf.TelegrafLines.receivedAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.telemetry.decode.Decoded;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad input: each bad line is refused with its reason, and the good lines are kept. */
class TelegrafCodecRefusalTest {
  private static final String T = " 1606494744000000000";
  private final TelegrafCodec codec = new TelegrafCodec(TelegrafSettings.defaults());

  private Decoded decode(String text) {
    return codec.decode("telegraf/n1/plugin", bytes(text),
        receivedAfter(TelegrafLines.POWERSTAT_NS));
  }

  private ValidationException onlyRefusal(Decoded decoded) {
    assertThat(decoded.nodes()).isEmpty();
    assertThat(decoded.refused()).hasSize(1);
    return decoded.refused().get(0);
  }

  @Test
  void a_string_where_a_known_metric_needs_a_number_is_refused_as_wrong_type() {
    ValidationException refused = onlyRefusal(decode(
        "nvidia_smi,host=n1,index=0 power_draw=\"N/A\",temperature_gpu=40i" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.WRONG_TYPE);
    assertThat(refused.field()).isEqualTo("power_draw");
    assertThat(refused.getMessage()).startsWith("line 1, column 39:")
        .contains("nvidia_smi field power_draw").contains("string \"N/A\"")
        .contains("a number of W");
  }

  @Test
  void a_boolean_where_a_known_metric_needs_a_number_is_refused_as_wrong_type() {
    ValidationException refused = onlyRefusal(decode(
        "temp,host=n1,sensor=coretemp_package_id_0_input temp=true" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.WRONG_TYPE);
    assertThat(refused.getMessage()).contains("boolean true");
  }

  @Test
  void nan_watts_are_refused_as_not_finite() {
    ValidationException refused = onlyRefusal(decode(
        "powerstat_package,host=n1,package_id=0 current_power_consumption_watts=NaN" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.NOT_FINITE);
    assertThat(refused.field()).isEqualTo("current_power_consumption_watts");
  }

  @Test
  void negative_watts_are_refused_naming_the_telegraf_field_the_kelvin_metric_and_the_cause() {
    ValidationException refused = onlyRefusal(decode("redfish_power_powersupplies,host=t,"
        + "member_id=0,source=n1,state=Enabled power_input_watts=-1" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(refused.field()).isEqualTo("power_input_watts");
    assertThat(refused.getMessage()).startsWith("line 1, column ")
        .contains("redfish_power_powersupplies field power_input_watts as power_w")
        .contains("missing reading sent as -1");
  }

  @Test
  void a_percentage_above_100_is_refused_with_its_unit() {
    ValidationException refused = onlyRefusal(decode("mem,host=n1 used_percent=180.5" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(refused.getMessage()).contains("0..100 %").contains("180.5");
  }

  @Test
  void a_line_without_the_host_tag_is_refused_as_missing_field() {
    ValidationException refused = onlyRefusal(decode(
        "cpu,cpu=cpu-total usage_idle=87.6" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(refused.field()).isEqualTo("host");
    assertThat(refused.getMessage()).startsWith("line 1:").contains("omit_hostname");
  }

  @Test
  void a_redfish_line_without_source_is_refused_naming_that_tag() {
    ValidationException refused = onlyRefusal(decode(
        "redfish_thermal_temperatures,host=t,name=CPU1\\ Temp reading_celsius=40" + T));

    assertThat(refused.field()).isEqualTo("source");
    assertThat(refused.getMessage()).contains("has no source tag")
        .contains("node_tag_by_measurement").doesNotContain("omit_hostname");
  }

  @Test
  void a_host_that_is_no_valid_node_name_is_refused() {
    ValidationException refused = onlyRefusal(decode("mem,host=my/host used_percent=1" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(refused.field()).isEqualTo("node");
    assertThat(refused.getMessage()).startsWith("line 1:").contains("not a valid name");
  }

  @Test
  void a_gpu_line_without_its_index_is_refused() {
    ValidationException refused = onlyRefusal(decode(
        "nvidia_smi,host=n1 power_draw=100" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(refused.field()).isEqualTo("index");
  }

  @Test
  void a_timestamp_in_the_wrong_precision_is_refused_saying_which_it_looks_like() {
    ValidationException refused = onlyRefusal(decode(
        "mem,host=n1 used_percent=15.9 1574712869000"));

    assertThat(refused.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(refused.field()).isEqualTo("timestamp");
    assertThat(refused.getMessage()).contains("it looks like ms");
  }

  @Test
  void a_bad_escape_is_refused_as_malformed() {
    ValidationException refused = onlyRefusal(decode(
        "nvidia_smi,host=n1,index=0,name=Tesla T4 power_draw=70" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(refused.getMessage()).contains("unescaped space");
  }

  @Test
  void an_unterminated_string_is_refused_as_malformed() {
    ValidationException refused = onlyRefusal(decode(
        "nvidia_smi,host=n1,index=0 driver_version=\"535.104,power_draw=70" + T));

    assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(refused.getMessage()).contains("unterminated string");
  }

  @Test
  void one_bad_line_among_good_ones_is_refused_and_the_good_ones_are_kept() {
    String batch = "nvidia_smi,host=n1,index=0 power_draw=250,temperature_gpu=61i" + T + "\n"
        + "nvidia_smi,host=n1,index=1 power_draw=-5,temperature_gpu=62i" + T + "\n"
        + "nvidia_smi,host=n1,index=2 power_draw=240,temperature_gpu=\"hot\"" + T + "\n"
        + "nvidia_smi,host=n1,index=3 power_draw=230,temperature_gpu=60i" + T;

    Decoded decoded = decode(batch);

    assertThat(decoded.refused()).extracting(ValidationException::reason)
        .containsExactly(RejectReason.OUT_OF_RANGE, RejectReason.WRONG_TYPE);
    assertThat(decoded.refused()).extracting(ValidationException::getMessage)
        .allSatisfy(message -> assertThat(message).matches("line [23], column \\d+: .*"));
    NodeReading reading = decoded.nodes().get(0);
    assertThat(reading.devices(Device.Kind.GPU).keySet())
        .containsExactly(Device.gpu(0), Device.gpu(3));
    assertThat(reading.get(NodeMetric.GPU_POWER_WATTS, Optional.empty())).hasValue(480);
    assertThat(codec.stats().refused()).isEqualTo(2);
  }

  @Test
  void contradicting_lines_refuse_their_reading_naming_the_lines_and_keep_other_nodes() {
    String batch = "nvidia_smi,host=n1,index=0 power_limit_min=300,power_limit_max=200" + T
        + "\nmem,host=n2 used_percent=10" + T;

    Decoded decoded = decode(batch);

    assertThat(decoded.nodes()).extracting(NodeReading::node)
        .containsExactly(NodeId.of("site-a", "n2"));
    assertThat(decoded.refused()).singleElement().satisfies(refused -> {
      assertThat(refused.reason()).isEqualTo(RejectReason.INCONSISTENT);
      assertThat(refused.getMessage()).startsWith("line 1 (site-a/n1 at ")
          .contains("likely swapped");
    });
  }

  @Test
  void a_message_of_junk_refuses_its_lines_and_never_throws() {
    Decoded decoded = decode("\u0000\u00ff garbage\n{\"json\": true}\n\\\n=,= ,");

    assertThat(decoded.nodes()).isEmpty();
    assertThat(decoded.refused()).hasSize(4);
  }
}
