package dev.kelvin.telemetry.decode.sparkplug;

import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.T0;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.byAlias;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.declared;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.metric;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.withUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.telemetry.decode.Decoded;
import dev.kelvin.telemetry.decode.sparkplug.EdgeNode.Message;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparkplugBadInputTest {
  private final SparkplugCodec codec = new SparkplugCodec(SparkplugSettings.defaults(),
      RebirthRequester.NONE);
  private final EdgeNode gateway = new EdgeNode("site-a", "gw1");

  private Decoded decode(Message message) {
    return codec.decode(message.topic(), message.payload(), T0);
  }

  private ValidationException refusedWhole(String topic, byte[] payload) {
    return assertThrows(ValidationException.class, () -> codec.decode(topic, payload, T0));
  }

  private static ValidationException onlyRefusal(Decoded decoded) {
    assertThat(decoded.refused()).hasSize(1);
    return decoded.refused().get(0);
  }

  @Test
  void garbage_bytes_are_refused_as_malformed() {
    ValidationException refused = refusedWhole("spBv1.0/site-a/NDATA/gw1",
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x01});

    assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(refused.field()).isEqualTo("payload");
  }

  @Test
  void a_truncated_payload_is_refused_as_malformed() {
    Message birth = gateway.nbirth(
        declared("CRAC/Supply Air Temperature", 1, MetricDataType.Double, 18.0),
        declared("CRAC/Return Air Temperature", 2, MetricDataType.Double, 28.0));
    byte[] truncated = Arrays.copyOf(birth.payload(), birth.payload().length / 2);

    ValidationException refused = refusedWhole(birth.topic(), truncated);

    assertThat(refused.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(refused.getMessage()).contains("truncated");
  }

  @Test
  void a_string_where_a_temperature_belongs_is_wrong_type_and_the_good_metrics_are_kept() {
    Decoded decoded = decode(gateway.nbirth(
        metric("CRAC/Supply Air Temperature", MetricDataType.String, "18.5"),
        metric("CRAC/Return Air Temperature", MetricDataType.Double, 27.0)));

    assertThat(decoded.facility()).hasSize(1);
    ValidationException refused = onlyRefusal(decoded);
    assertThat(refused.reason()).isEqualTo(RejectReason.WRONG_TYPE);
    assertThat(refused.getMessage()).contains("metric 0").contains("String");
  }

  @Test
  void a_boolean_where_a_quantity_belongs_is_wrong_type() {
    ValidationException refused = onlyRefusal(decode(gateway.nbirth(
        metric("PDU/Active Power", MetricDataType.Boolean, true))));

    assertThat(refused.reason()).isEqualTo(RejectReason.WRONG_TYPE);
  }

  @Test
  void data_whose_datatype_contradicts_its_birth_declaration_is_wrong_type() {
    decode(gateway.nbirth(declared("PDU/Active Power", 1, MetricDataType.Double, 900.0)));

    ValidationException refused = onlyRefusal(decode(gateway.ndata(
        byAlias(1, MetricDataType.String, "950"))));

    assertThat(refused.reason()).isEqualTo(RejectReason.WRONG_TYPE);
  }

  @Test
  void nan_is_refused_as_not_finite() {
    ValidationException refused = onlyRefusal(decode(gateway.nbirth(
        metric("Weather/Outdoor Temperature", MetricDataType.Float, Float.NaN))));

    assertThat(refused.reason()).isEqualTo(RejectReason.NOT_FINITE);
    assertThat(refused.getMessage()).contains("OUTDOOR_TEMP_CELSIUS");
  }

  @Test
  void a_value_outside_its_kind_range_is_refused_as_out_of_range() {
    ValidationException refused = onlyRefusal(decode(gateway.nbirth(
        metric("CRAC/Supply Air Temperature", MetricDataType.Double, 500.0))));

    assertThat(refused.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
    assertThat(refused.getMessage()).contains("°C");
  }

  @Test
  void an_alarm_is_zero_or_one_and_nothing_between() {
    ValidationException refused = onlyRefusal(decode(gateway.nbirth(
        metric("Alarms/Fire", MetricDataType.Double, 0.5))));

    assertThat(refused.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
  }

  @Test
  void an_engineering_unit_kelvin_does_not_know_is_refused_as_inconsistent() {
    ValidationException refused = onlyRefusal(decode(gateway.nbirth(withUnit(
        metric("PDU/Active Power", MetricDataType.Double, 3.0), "BTU/h"))));

    assertThat(refused.reason()).isEqualTo(RejectReason.INCONSISTENT);
    assertThat(refused.field()).isEqualTo("engUnit");
    assertThat(refused.getMessage()).contains("BTU/h").contains("kW");
  }

  @Test
  void an_engineering_unit_of_another_dimension_is_refused_as_inconsistent() {
    ValidationException refused = onlyRefusal(decode(gateway.nbirth(withUnit(
        metric("CRAC/Supply Air Temperature", MetricDataType.Double, 3.0), "kW"))));

    assertThat(refused.reason()).isEqualTo(RejectReason.INCONSISTENT);
    assertThat(refused.getMessage()).contains("CRAC_SUPPLY_TEMP_CELSIUS");
  }

  @Test
  void a_birth_metric_without_a_name_is_refused_and_the_rest_of_the_birth_kept() {
    Metric unnamed = EdgeNode.byAlias(3, MetricDataType.Double, 20.0);

    Decoded decoded = decode(gateway.nbirth(unnamed,
        declared("Grid/Price", 1, MetricDataType.Double, 0.3)));

    assertThat(onlyRefusal(decoded).reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(decoded.facility()).hasSize(1);
  }

  @Test
  void a_birth_giving_one_alias_to_two_names_refuses_the_second() {
    Decoded decoded = decode(gateway.nbirth(
        declared("Grid/Price", 1, MetricDataType.Double, 0.3),
        declared("Grid/Carbon Intensity", 1, MetricDataType.Double, 250.0)));

    assertThat(onlyRefusal(decoded).reason()).isEqualTo(RejectReason.INCONSISTENT);
    assertThat(decoded.facility()).hasSize(1);
  }

  @Test
  void a_timestamp_beyond_any_date_is_refused_as_out_of_range() {
    Metric late = metric("Grid/Price", MetricDataType.Double, 0.3);
    Decoded decoded = decode(gateway.nbirth(EdgeNode.stamped(late,
        java.time.Instant.ofEpochMilli(-5))));

    assertThat(onlyRefusal(decoded).reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"spBv1.0/site-a/NDATA", "spBv1.0/site-a/XDATA/gw1",
      "spBv1.0/site-a/NDATA/gw1/crac-1", "spBv1.0/site-a/DDATA/gw1",
      "spBv1.0/site-a/DDATA/gw1/crac-1/extra", "spBv1.0//NDATA/gw1",
      "spBv1.0/site a/NDATA/gw1", "spBv1.0/site-a/DDATA/gw1/crac 1", "spAv1.0/site-a/NDATA/gw1"})
  void a_topic_outside_the_sparkplug_layout_is_refused_as_bad_topic(String topic) {
    ValidationException refused = refusedWhole(topic, gateway.ndata().payload());

    assertThat(refused.reason()).isEqualTo(RejectReason.BAD_TOPIC);
    assertThat(refused.field()).isEqualTo("topic");
  }

  @Test
  void a_group_outside_the_configured_groups_is_refused_as_bad_topic() {
    SparkplugCodec siteA = new SparkplugCodec(SparkplugSettings.defaults()
        .withGroups(Set.of("site-a")), RebirthRequester.NONE);

    assertThatThrownBy(() -> siteA.decode("spBv1.0/site-b/NDATA/gw1", new byte[0], T0))
        .isInstanceOfSatisfying(ValidationException.class,
            refused -> assertThat(refused.reason()).isEqualTo(RejectReason.BAD_TOPIC));
  }

  @Test
  void a_payload_over_the_limit_is_refused_as_too_large() {
    SparkplugCodec small = new SparkplugCodec(SparkplugSettings.defaults()
        .withLimits(10, 10, 16), RebirthRequester.NONE);

    assertThatThrownBy(() -> small.decode("spBv1.0/site-a/NDATA/gw1", new byte[17], T0))
        .isInstanceOfSatisfying(ValidationException.class,
            refused -> assertThat(refused.reason()).isEqualTo(RejectReason.TOO_LARGE));
  }

  @Test
  void edge_nodes_beyond_the_limit_are_refused_and_known_ones_still_read() {
    SparkplugCodec two = new SparkplugCodec(SparkplugSettings.defaults()
        .withLimits(2, 10, 1 << 20), RebirthRequester.NONE);
    for (String edge : new String[] {"gw1", "gw2"}) {
      Message birth = new EdgeNode("site-a", edge).nbirth();
      two.decode(birth.topic(), birth.payload(), T0);
    }
    Message third = new EdgeNode("site-a", "gw3").nbirth();

    assertThatThrownBy(() -> two.decode(third.topic(), third.payload(), T0))
        .isInstanceOfSatisfying(ValidationException.class,
            refused -> assertThat(refused.reason()).isEqualTo(RejectReason.UNKNOWN_NODE));
    Message again = new EdgeNode("site-a", "gw1").nbirth();
    assertThat(two.decode(again.topic(), again.payload(), T0).refused()).isEmpty();
    assertThat(two.edgeNodes()).isEqualTo(2);
  }

  @Test
  void mutated_payloads_never_throw_anything_but_a_validation_exception() {
    decode(gateway.nbirth(declared("CRAC/Supply Air Temperature", 1, MetricDataType.Float,
        18f), declared("Alarms/Fire", 2, MetricDataType.Boolean, false)));
    byte[] good = gateway.ndata(byAlias(1, MetricDataType.Float, 19f),
        withUnit(byAlias(2, MetricDataType.Boolean, true), "alarm")).payload();
    Random random = new Random(8);
    int refusedWhole = 0;
    for (int i = 0; i < 5_000; i++) {
      byte[] mutated = Arrays.copyOf(good, 1 + random.nextInt(good.length + 8));
      for (int flips = random.nextInt(4); flips >= 0; flips--) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      try {
        codec.decode("spBv1.0/site-a/NDATA/gw1", mutated, T0);
      } catch (ValidationException refused) {
        assertThat(refused.reason()).isNotEqualTo(RejectReason.INTERNAL_ERROR);
        refusedWhole++;
      }
    }

    assertThat(refusedWhole).isPositive();
  }
}
