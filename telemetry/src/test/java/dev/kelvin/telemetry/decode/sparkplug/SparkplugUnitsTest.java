package dev.kelvin.telemetry.decode.sparkplug;

import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.T0;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.byAlias;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.declared;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.metric;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.withUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.telemetry.decode.Decoded;
import dev.kelvin.telemetry.decode.sparkplug.EdgeNode.Message;
import java.math.BigInteger;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;

/** Unit conversion at the boundary: engUnit first, else the mapping's unit. */
class SparkplugUnitsTest {
  private final EdgeNode gateway = new EdgeNode("site-a", "gw1");

  private static double onlyValue(SparkplugCodec codec, Message message) {
    Decoded decoded = codec.decode(message.topic(), message.payload(), T0);
    assertThat(decoded.refused()).isEmpty();
    assertThat(decoded.facility()).hasSize(1);
    return decoded.facility().get(0).value();
  }

  private static double onlyValue(Message message) {
    return onlyValue(new SparkplugCodec(SparkplugSettings.defaults(), RebirthRequester.NONE),
        message);
  }

  @Test
  void fahrenheit_in_engUnit_becomes_celsius() {
    assertThat(onlyValue(gateway.nbirth(withUnit(
        metric("CRAC/Supply Air Temperature", MetricDataType.Float, 64.4f), "°F"))))
        .isCloseTo(18.0, within(1e-4));
  }

  @Test
  void kilowatts_in_engUnit_become_watts() {
    assertThat(onlyValue(gateway.nbirth(withUnit(
        metric("PDU/Active Power", MetricDataType.Double, 12.5), "kW")))).isEqualTo(12_500.0);
  }

  @Test
  void percent_becomes_a_ratio() {
    assertThat(onlyValue(gateway.nbirth(
        metric("UPS/Battery Charge", MetricDataType.UInt8, (short) 85)))).isEqualTo(0.85);
  }

  @Test
  void a_ratio_in_engUnit_overrides_the_percent_of_the_mapping() {
    assertThat(onlyValue(gateway.nbirth(withUnit(
        metric("UPS/Load", MetricDataType.Double, 0.42), "ratio")))).isEqualTo(0.42);
  }

  @Test
  void booleans_become_zero_or_one_and_integers_zero_or_one_pass() {
    SparkplugCodec codec = new SparkplugCodec(SparkplugSettings.defaults(),
        RebirthRequester.NONE);
    Message birth = gateway.nbirth(metric("UPS/On Battery", MetricDataType.Boolean, true),
        metric("Alarms/Utility Power Loss", MetricDataType.Int32, 0));

    Decoded decoded = codec.decode(birth.topic(), birth.payload(), T0);

    assertThat(decoded.facility()).extracting(FacilityReading::value).containsExactly(1.0, 0.0);
  }

  @Test
  void the_engUnit_declared_in_the_birth_converts_later_data_sent_by_alias() {
    SparkplugCodec codec = new SparkplugCodec(SparkplugSettings.defaults(),
        RebirthRequester.NONE);
    Message birth = gateway.nbirth(withUnit(
        declared("Weather/Outdoor Temperature", 4, MetricDataType.Double, 50.0), "°F"));
    codec.decode(birth.topic(), birth.payload(), T0);

    assertThat(onlyValue(codec, gateway.ndata(byAlias(4, MetricDataType.Double, 95.0))))
        .isCloseTo(35.0, within(1e-9));
  }

  @Test
  void an_operator_mapping_reads_its_own_metric_name_in_its_configured_unit() {
    SparkplugMapping mapping = SparkplugMapping.defaults()
        .with("Chiller 3/Leaving Water Temp", MetricMapping.parse("crac_supply_temp_celsius",
            "°F"))
        .with("Site/Grid Price", MetricMapping.parse("GRID_PRICE_PER_KWH", "per MWh"));
    SparkplugCodec codec = new SparkplugCodec(SparkplugSettings.defaults().withMapping(mapping),
        RebirthRequester.NONE);
    Message birth = gateway.nbirth(
        metric("Chiller 3/Leaving Water Temp", MetricDataType.Double, 50.0),
        metric("Site/Grid Price", MetricDataType.Double, 120.0));

    Decoded decoded = codec.decode(birth.topic(), birth.payload(), T0);

    assertThat(decoded.facility()).extracting(FacilityReading::kind).containsExactly(
        FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS, FacilityKind.GRID_PRICE_PER_KWH);
    assertThat(decoded.facility().get(0).value()).isCloseTo(10.0, within(1e-9));
    assertThat(decoded.facility().get(1).value()).isCloseTo(0.12, within(1e-12));
  }

  @Test
  void unsigned_and_long_integers_are_read_whole() {
    Metric runtime = metric("UPS/Battery Runtime", MetricDataType.UInt64,
        BigInteger.valueOf(3_600));
    Metric power = metric("UPS/Output Power", MetricDataType.UInt32, 4_000_000L);
    SparkplugCodec codec = new SparkplugCodec(SparkplugSettings.defaults(),
        RebirthRequester.NONE);
    Message birth = gateway.nbirth(runtime, power);

    Decoded decoded = codec.decode(birth.topic(), birth.payload(), T0);

    assertThat(decoded.facility()).extracting(FacilityReading::value)
        .containsExactly(3_600.0, 4_000_000.0);
  }
}
