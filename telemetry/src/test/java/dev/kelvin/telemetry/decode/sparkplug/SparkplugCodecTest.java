package dev.kelvin.telemetry.decode.sparkplug;

import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.T0;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.byAlias;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.declared;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.metric;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.stamped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.telemetry.decode.Decoded;
import dev.kelvin.telemetry.decode.sparkplug.EdgeNode.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

class SparkplugCodecTest {
  private static final SiteId SITE = new SiteId("site-a");
  private final List<Message> rebirths = new ArrayList<>();
  private final SparkplugCodec codec = new SparkplugCodec(SparkplugSettings.defaults(),
      (topic, payload) -> rebirths.add(new Message(topic, payload)));
  private final EdgeNode gateway = new EdgeNode("site-a", "gw1");

  private Decoded decode(Message message) {
    return codec.decode(message.topic(), message.payload(), T0.plusMillis(50));
  }

  @Test
  void node_birth_metrics_become_facility_readings_of_the_edge_node() {
    Decoded decoded = decode(gateway.nbirth(
        metric("Weather/Outdoor Temperature", MetricDataType.Double, 12.5)));

    assertThat(decoded.facility()).containsExactly(new FacilityReading(new SensorId("gw1"),
        SITE, T0, FacilityKind.OUTDOOR_TEMP_CELSIUS, 12.5));
    assertThat(decoded.refused()).isEmpty();
    assertThat(decoded.nodes()).isEmpty();
    assertThat(codec.stats().births()).isEqualTo(1);
  }

  @Test
  void data_sent_by_alias_is_read_with_the_names_its_birth_declared() {
    decode(gateway.nbirth(
        declared("Grid/Carbon Intensity", 1, MetricDataType.Double, 300.0),
        declared("Grid/Price", 2, MetricDataType.Float, 0.21f)));

    Decoded decoded = decode(gateway.at(T0.plusSeconds(10)).ndata(
        byAlias(2, MetricDataType.Float, 0.35f),
        byAlias(1, MetricDataType.Double, 420.0)));

    assertThat(decoded.facility()).extracting(FacilityReading::kind, FacilityReading::value)
        .containsExactly(
            tuple(FacilityKind.GRID_PRICE_PER_KWH, (double) 0.35f),
            tuple(FacilityKind.GRID_CARBON_G_PER_KWH, 420.0));
    assertThat(decoded.facility()).allSatisfy(reading -> {
      assertThat(reading.at()).isEqualTo(T0.plusSeconds(10));
      assertThat(reading.sensor()).isEqualTo(new SensorId("gw1"));
    });
    assertThat(rebirths).isEmpty();
  }

  @Test
  void data_without_datatypes_takes_the_datatype_its_birth_declared() {
    decode(gateway.nbirth(declared("PDU/Active Power", 7, MetricDataType.Int64, 1200L)));
    SparkplugBPayload stripped = new SparkplugBPayload.SparkplugBPayloadBuilder(1L)
        .setTimestamp(Date.from(T0)).addMetric(byAlias(7, MetricDataType.Int64, 5400L))
        .createPayload();
    byte[] payload = EdgeNode.encode(stripped, true);

    Decoded decoded = codec.decode("spBv1.0/site-a/NDATA/gw1", payload, T0);

    assertThat(decoded.refused()).isEmpty();
    assertThat(decoded.facility()).singleElement()
        .satisfies(reading -> assertThat(reading.value()).isEqualTo(5400.0));
  }

  @Test
  void device_birth_and_data_become_readings_of_the_device() {
    decode(gateway.nbirth());
    Decoded birth = decode(gateway.dbirth("crac-1",
        declared("CRAC/Supply Air Temperature", 1, MetricDataType.Float, 18.0f),
        declared("CRAC/Return Air Temperature", 2, MetricDataType.Float, 29.0f),
        declared("CRAC/Running", 3, MetricDataType.Boolean, true)));
    Decoded data = decode(gateway.ddata("crac-1", byAlias(1, MetricDataType.Float, 19.5f),
        byAlias(3, MetricDataType.Boolean, false)));

    assertThat(birth.facility()).extracting(FacilityReading::kind, FacilityReading::value)
        .containsExactly(
            tuple(FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS, 18.0),
            tuple(FacilityKind.CRAC_RETURN_TEMP_CELSIUS, 29.0),
            tuple(FacilityKind.CRAC_RUNNING, 1.0));
    assertThat(data.facility()).extracting(FacilityReading::kind, FacilityReading::value)
        .containsExactly(
            tuple(FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS, 19.5),
            tuple(FacilityKind.CRAC_RUNNING, 0.0));
    assertThat(data.facility()).allSatisfy(reading ->
        assertThat(reading.sensor()).isEqualTo(new SensorId("crac-1")));
    assertThat(rebirths).isEmpty();
  }

  @Test
  void device_aliases_do_not_resolve_the_metrics_of_another_device() {
    decode(gateway.nbirth());
    decode(gateway.dbirth("ups-1", declared("UPS/Load", 1, MetricDataType.Double, 40.0)));
    decode(gateway.dbirth("pdu-1", declared("PDU/Active Power", 1, MetricDataType.Double,
        900.0)));

    Decoded ups = decode(gateway.ddata("ups-1", byAlias(1, MetricDataType.Double, 55.0)));

    assertThat(ups.facility()).singleElement().satisfies(reading -> {
      assertThat(reading.kind()).isEqualTo(FacilityKind.UPS_LOAD_RATIO);
      assertThat(reading.value()).isEqualTo(0.55);
    });
  }

  @Test
  void device_death_forgets_the_device_until_its_next_birth() {
    decode(gateway.nbirth());
    decode(gateway.dbirth("ups-1", declared("UPS/On Battery", 1, MetricDataType.Boolean,
        false)));

    assertThat(decode(gateway.ddeath("ups-1")).isEmpty()).isTrue();
    Decoded after = decode(gateway.ddata("ups-1", byAlias(1, MetricDataType.Boolean, true)));

    assertThat(after.facility()).isEmpty();
    assertThat(after.refused()).singleElement()
        .satisfies(refused -> assertThat(refused.field()).isEqualTo("alias"));
    assertThat(codec.stats().deviceDeaths()).isEqualTo(1);
    assertThat(codec.stats().dataBeforeBirth()).isEqualTo(1);
    assertThat(rebirths).hasSize(1);
  }

  @Test
  void node_death_with_the_current_bdSeq_ends_the_session() {
    decode(gateway.nbirth(declared("Alarms/Fire", 1, MetricDataType.Boolean, false)));

    assertThat(decode(gateway.ndeath()).isEmpty()).isTrue();
    Decoded after = decode(gateway.ndata(byAlias(1, MetricDataType.Boolean, true)));

    assertThat(codec.stats().deaths()).isEqualTo(1);
    assertThat(codec.stats().staleDeaths()).isZero();
    assertThat(after.facility()).isEmpty();
    assertThat(codec.stats().dataBeforeBirth()).isEqualTo(1);
    assertThat(rebirths).hasSize(1);
  }

  @Test
  void node_death_with_a_stale_bdSeq_is_ignored_and_counted() {
    gateway.ndeath();
    decode(gateway.nbirth(declared("Alarms/Flood", 1, MetricDataType.Boolean, false)));

    assertThat(decode(gateway.ndeath(gateway.bdSeq() - 1)).isEmpty()).isTrue();
    Decoded after = decode(gateway.ndata(byAlias(1, MetricDataType.Boolean, true)));

    assertThat(codec.stats().staleDeaths()).isEqualTo(1);
    assertThat(codec.stats().deaths()).isZero();
    assertThat(after.facility()).singleElement()
        .satisfies(reading -> assertThat(reading.value()).isEqualTo(1.0));
    assertThat(rebirths).isEmpty();
  }

  @Test
  void node_death_of_an_edge_node_never_born_is_stale() {
    decode(gateway.ndeath());

    assertThat(codec.stats().staleDeaths()).isEqualTo(1);
    assertThat(codec.edgeNodes()).isZero();
  }

  @Test
  void a_metric_timestamp_gives_the_reading_time_else_the_payload_timestamp() {
    Instant sampled = T0.minusSeconds(3);
    Decoded decoded = decode(gateway.nbirth(
        stamped(metric("Alarms/Water Leak", MetricDataType.Boolean, true), sampled),
        metric("Alarms/Cooling Failure", MetricDataType.Boolean, false)));

    assertThat(decoded.facility()).extracting(FacilityReading::kind, FacilityReading::at)
        .containsExactly(
            tuple(FacilityKind.ALARM_WATER_LEAK, sampled),
            tuple(FacilityKind.ALARM_COOLING_FAILURE, T0));
  }

  @Test
  void a_payload_without_a_timestamp_is_read_at_its_receive_time() {
    SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder(0L)
        .addMetric(metric("Alarms/Utility Power Loss", MetricDataType.Boolean, true))
        .createPayload();
    payload.setTimestamp(null);
    Instant received = T0.plusSeconds(1);

    Decoded decoded = codec.decode("spBv1.0/site-a/NBIRTH/gw1", EdgeNode.encode(payload),
        received);

    assertThat(decoded.facility()).singleElement()
        .satisfies(reading -> assertThat(reading.at()).isEqualTo(received));
  }

  @Test
  void unmapped_metrics_are_ignored_and_counted_but_sparkplug_control_metrics_are_not() {
    Decoded decoded = decode(gateway.nbirth(
        metric("Node Control/Rebirth", MetricDataType.Boolean, false),
        metric("Properties/Firmware", MetricDataType.String, "4.2"),
        metric("Fan/Speed", MetricDataType.Int32, 1800),
        metric("UPS/Battery Runtime", MetricDataType.Int32, 900)));

    assertThat(decoded.facility()).singleElement()
        .satisfies(reading -> assertThat(reading.kind())
            .isEqualTo(FacilityKind.UPS_RUNTIME_SECONDS));
    assertThat(decoded.refused()).isEmpty();
    assertThat(codec.stats().unmappedMetrics()).isEqualTo(1);
  }

  @Test
  void a_mapped_metric_sent_as_null_is_counted_not_refused() {
    Metric unknown = metric("PDU/Active Power", MetricDataType.Double, 1.0);
    unknown.setValue(null);

    Decoded decoded = decode(gateway.nbirth(unknown));

    assertThat(decoded.isEmpty()).isTrue();
    assertThat(codec.stats().nullValues()).isEqualTo(1);
  }

  @Test
  void a_new_birth_replaces_the_alias_table() {
    decode(gateway.nbirth(declared("Grid/Price", 1, MetricDataType.Double, 0.2)));
    decode(gateway.nbirth(declared("Grid/Carbon Intensity", 1, MetricDataType.Double, 300.0)));

    Decoded decoded = decode(gateway.ndata(byAlias(1, MetricDataType.Double, 310.0)));

    assertThat(decoded.facility()).singleElement()
        .satisfies(reading -> assertThat(reading.kind())
            .isEqualTo(FacilityKind.GRID_CARBON_G_PER_KWH));
  }

  @Test
  void commands_and_host_state_are_ignored_and_counted() {
    byte[] rebirth = RebirthCommand.payload(T0);

    assertThat(codec.decode("spBv1.0/site-a/NCMD/gw1", rebirth, T0).isEmpty()).isTrue();
    assertThat(codec.decode("spBv1.0/site-a/DCMD/gw1/crac-1", rebirth, T0).isEmpty()).isTrue();
    assertThat(codec.decode("spBv1.0/STATE/scada-1", "{\"online\":true}".getBytes(), T0)
        .isEmpty()).isTrue();
    assertThat(codec.stats().ignoredMessages()).isEqualTo(3);
    assertThat(codec.edgeNodes()).isZero();
  }

  @Test
  void handles_only_topics_of_its_namespace_and_configured_groups() {
    SparkplugCodec filtered = new SparkplugCodec(SparkplugSettings.defaults()
        .withGroups(Set.of("site-a")), RebirthRequester.NONE);

    assertThat(codec.handles("spBv1.0/anything/NDATA/gw1")).isTrue();
    assertThat(codec.handles("kelvin/v1/site-a/node/n01/telemetry")).isFalse();
    assertThat(codec.handles("spBv1.0")).isFalse();
    assertThat(filtered.handles("spBv1.0/site-a/NDATA/gw1")).isTrue();
    assertThat(filtered.handles("spBv1.0/site-b/NDATA/gw1")).isFalse();
    assertThat(filtered.handles("spBv1.0/STATE/scada-1")).isTrue();
  }
}
