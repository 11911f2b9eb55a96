package dev.kelvin.telemetry.decode.telegraf;

import static dev.kelvin.telemetry.decode.telegraf.TelegrafLines.at;
import static dev.kelvin.telemetry.decode.telegraf.TelegrafLines.bytes;
import static dev.kelvin.telemetry.decode.telegraf.TelegrafLines.receivedAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.telemetry.decode.Decoded;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mapping of each measurement, on Telegraf's own output (see {@link TelegrafLines}). */
class TelegrafCodecTest {
  private final TelegrafCodec codec = new TelegrafCodec(TelegrafSettings.defaults());

  private Decoded decode(String text, long nanos) {
    return codec.decode("telegraf/host/plugin", bytes(text), receivedAfter(nanos));
  }

  private NodeReading only(Decoded decoded) {
    assertThat(decoded.refused()).isEmpty();
    assertThat(decoded.nodes()).hasSize(1);
    return decoded.nodes().get(0);
  }

  private static double node(NodeReading reading, NodeMetric metric) {
    return reading.metrics().get(metric).orElseThrow();
  }

  private static double on(NodeReading reading, Device device, NodeMetric metric) {
    return reading.get(metric, Optional.of(device)).orElseThrow();
  }

  @Test
  void handles_telegrafs_default_topics_only() {
    assertThat(codec.handles("telegraf/gpu07/nvidia_smi")).isTrue();
    assertThat(codec.handles("kelvin/v1/site-a/node/n01/telemetry")).isFalse();
    assertThat(codec.topicNode("telegraf/gpu07/nvidia_smi"))
        .contains(NodeId.of("site-a", "gpu07"));
    assertThat(codec.topicNode("telegraf")).isEmpty();
  }

  @Test
  void nvidia_smi_lines_become_one_reading_with_a_device_per_gpu_and_node_totals() {
    NodeReading reading = only(decode(TelegrafLines.NVIDIA_SMI_README,
        TelegrafLines.NVIDIA_NS));

    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "8218cf"));
    assertThat(reading.at()).isEqualTo(at(TelegrafLines.NVIDIA_NS));
    assertThat(reading.seq()).isZero();
    assertThat(reading.rack()).isEqualTo(RackId.UNKNOWN);
    assertThat(reading.devices(Device.Kind.GPU)).hasSize(3);
    assertThat(on(reading, Device.gpu(2), NodeMetric.GPU_TEMP_CELSIUS)).isEqualTo(58);
    assertThat(on(reading, Device.gpu(0), NodeMetric.GPU_UTIL_RATIO)).isEqualTo(1.0);
    assertThat(node(reading, NodeMetric.GPU_TEMP_CELSIUS)).isEqualTo(58);
    assertThat(node(reading, NodeMetric.GPU_UTIL_RATIO)).isEqualTo(1.0);
  }

  @Test
  void nvidia_smi_power_limits_and_ecc_counters_map_to_the_gpu_in_kelvin_units() {
    NodeReading reading = only(decode(TelegrafLines.NVIDIA_SMI_A100, 1689872450000000000L));
    Device gpu = Device.gpu(3);

    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "gpu07"));
    assertThat(on(reading, gpu, NodeMetric.GPU_POWER_WATTS)).isEqualTo(61.93);
    assertThat(on(reading, gpu, NodeMetric.GPU_POWER_LIMIT_WATTS)).isEqualTo(400);
    assertThat(on(reading, gpu, NodeMetric.GPU_POWER_LIMIT_MIN_WATTS)).isEqualTo(100);
    assertThat(on(reading, gpu, NodeMetric.GPU_POWER_LIMIT_MAX_WATTS)).isEqualTo(400);
    assertThat(on(reading, gpu, NodeMetric.GPU_UTIL_RATIO)).isEqualTo(0.87);
    assertThat(on(reading, gpu, NodeMetric.ECC_CORRECTABLE_TOTAL)).isEqualTo(4);
    assertThat(on(reading, gpu, NodeMetric.ECC_UNCORRECTABLE_TOTAL)).isZero();
    assertThat(node(reading, NodeMetric.GPU_POWER_WATTS)).isEqualTo(61.93);
    assertThat(node(reading, NodeMetric.ECC_CORRECTABLE_TOTAL)).isEqualTo(4);
  }

  @Test
  void powerstat_package_power_goes_to_its_cpu_package_and_other_package_fields_are_ignored() {
    NodeReading reading = only(decode(TelegrafLines.POWERSTAT_PACKAGE,
        TelegrafLines.POWERSTAT_NS));

    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "ubuntu"));
    assertThat(on(reading, Device.cpuPackage(0), NodeMetric.CPU_POWER_WATTS)).isEqualTo(35);
    assertThat(node(reading, NodeMetric.CPU_POWER_WATTS)).isEqualTo(35);
    assertThat(codec.stats().mappedLines()).isEqualTo(1);
    assertThat(codec.stats().ignoredLines()).isEqualTo(4);
  }

  @Test
  void powerstat_core_gives_the_mean_frequency_and_the_hottest_core_per_package_and_node() {
    String cores = TelegrafLines.POWERSTAT_CORE + "\n"
        + "powerstat_core,core_id=1,cpu_id=1,host=ubuntu,package_id=0 cpu_frequency_mhz=2400.71 1606494744000000000\n"
        + "powerstat_core,core_id=1,cpu_id=1,host=ubuntu,package_id=0 cpu_temperature_celsius=41i 1606494744000000000\n"
        + "powerstat_core,core_id=0,cpu_id=2,host=ubuntu,package_id=1 cpu_frequency_mhz=3000 1606494744000000000\n"
        + "powerstat_core,core_id=0,cpu_id=2,host=ubuntu,package_id=1 cpu_temperature_celsius=38i 1606494744000000000";

    NodeReading reading = only(decode(cores, TelegrafLines.POWERSTAT_NS));

    assertThat(node(reading, NodeMetric.CPU_FREQ_MHZ)).isCloseTo(2200.333, within(0.001));
    assertThat(node(reading, NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(41);
    assertThat(on(reading, Device.cpuPackage(0), NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(41);
    assertThat(on(reading, Device.cpuPackage(1), NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(38);
  }

  @Test
  void ipmi_sensor_version_1_maps_inlet_and_node_power_and_ignores_other_sensors() {
    NodeReading reading = only(decode(TelegrafLines.IPMI_V1, TelegrafLines.IPMI_NS));

    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "node01"));
    assertThat(node(reading, NodeMetric.INLET_TEMP_CELSIUS)).isEqualTo(20);
    assertThat(node(reading, NodeMetric.POWER_WATTS)).isEqualTo(210);
    assertThat(reading.metrics().asMap()).containsOnlyKeys(NodeMetric.INLET_TEMP_CELSIUS,
        NodeMetric.POWER_WATTS);
    assertThat(codec.stats().ignoredLines()).isEqualTo(6);
  }

  @Test
  void ipmi_sensor_version_2_maps_processor_temps_by_entity_and_skips_sensors_without_reading() {
    NodeReading reading = only(decode(TelegrafLines.IPMI_V2, TelegrafLines.IPMI_NS));

    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "node02"));
    assertThat(node(reading, NodeMetric.INLET_TEMP_CELSIUS)).isEqualTo(25);
    assertThat(node(reading, NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(61);
    assertThat(node(reading, NodeMetric.POWER_WATTS)).isEqualTo(350);
    assertThat(codec.stats().mappedLines()).isEqualTo(4);
  }

  @Test
  void an_ipmi_temperature_in_fahrenheit_is_converted_to_celsius() {
    NodeReading reading = only(decode("ipmi_sensor,host=n1,name=inlet_temp,unit=degrees_f"
        + " status=1i,value=77 1517125513000000000", TelegrafLines.IPMI_NS));

    assertThat(node(reading, NodeMetric.INLET_TEMP_CELSIUS)).isEqualTo(25);
  }

  @Test
  void operator_sensor_names_add_to_the_ones_kelvin_knows() {
    TelegrafCodec custom = new TelegrafCodec(TelegrafSettings.defaults()
        .withSensorNames(Map.of("PS Total Input", "power_w")));

    Decoded decoded = custom.decode("telegraf/n1/ipmi_sensor", bytes("ipmi_sensor,host=n1,"
        + "name=ps_total_input,unit=watts status=1i,value=512 1517125513000000000"),
        receivedAfter(TelegrafLines.IPMI_NS));

    assertThat(node(only(decoded), NodeMetric.POWER_WATTS)).isEqualTo(512);
  }

  @Test
  void redfish_names_the_node_by_source_takes_its_rack_and_sums_the_power_supply_inputs() {
    NodeReading reading = only(decode(TelegrafLines.REDFISH, TelegrafLines.REDFISH_NS));

    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "tpa-hostname"));
    assertThat(reading.rack()).isEqualTo(RackId.of("r12"));
    assertThat(node(reading, NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(51);
    assertThat(node(reading, NodeMetric.INLET_TEMP_CELSIUS)).isEqualTo(23);
    assertThat(node(reading, NodeMetric.POWER_WATTS)).isEqualTo(433);
    assertThat(codec.stats().ignoredLines()).isEqualTo(2);
  }

  @Test
  void a_redfish_power_supply_without_input_reading_counts_its_output() {
    NodeReading reading = only(decode("redfish_power_powersupplies,host=t,member_id=0,"
        + "name=HpeServerPowerSupply,source=dl360,state=Enabled last_power_output_watts=90,"
        + "line_input_voltage=205,power_capacity_watts=800 1582114112000000000\n"
        + "redfish_power_powersupplies,host=t,member_id=1,name=HpeServerPowerSupply,"
        + "source=dl360,state=Absent power_capacity_watts=800 1582114112000000000",
        TelegrafLines.REDFISH_NS));

    assertThat(node(reading, NodeMetric.POWER_WATTS)).isEqualTo(90);
  }

  @Test
  void cpu_total_gives_utilisation_as_one_minus_idle_and_per_cpu_lines_are_ignored() {
    NodeReading reading = only(decode(TelegrafLines.CPU, TelegrafLines.CPU_NS));

    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "local"));
    assertThat(node(reading, NodeMetric.CPU_UTIL_RATIO)).isCloseTo(0.12376238, within(1e-9));
    assertThat(codec.stats().ignoredLines()).isEqualTo(2);
  }

  @Test
  void mem_used_percent_becomes_the_used_ratio() {
    NodeReading reading = only(decode(TelegrafLines.MEM, TelegrafLines.MEM_NS));

    assertThat(node(reading, NodeMetric.MEM_USED_RATIO)).isCloseTo(0.1595004, within(1e-7));
  }

  @Test
  void temp_maps_coretemp_packages_and_ignores_limits_cores_and_drives() {
    NodeReading reading = only(decode(TelegrafLines.TEMP, TelegrafLines.POWERSTAT_NS));

    assertThat(node(reading, NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(57);
    assertThat(on(reading, Device.cpuPackage(0), NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(52);
    assertThat(on(reading, Device.cpuPackage(1), NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(57);
    assertThat(codec.stats().ignoredLines()).isEqualTo(4);
  }

  @Test
  void temp_maps_amd_k10temp_control_temperature_to_the_node() {
    NodeReading reading = only(decode(TelegrafLines.TEMP_AMD, TelegrafLines.POWERSTAT_NS));

    assertThat(node(reading, NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(31.875);
    assertThat(reading.devices()).isEmpty();
  }

  @Test
  void a_batch_of_several_plugins_and_hosts_gives_one_reading_per_host_and_instant() {
    String batch = TelegrafLines.CPU + "\n" + TelegrafLines.MEM + "\n"
        + TelegrafLines.POWERSTAT_PACKAGE + "\n"
        + "cpu,cpu=cpu-total,host=local usage_idle=50 1558613892000000000";

    Decoded decoded = decode(batch, TelegrafLines.CPU_NS);

    assertThat(decoded.refused()).isEmpty();
    assertThat(decoded.nodes()).extracting(NodeReading::node, NodeReading::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple(NodeId.of("site-a", "local"),
            at(TelegrafLines.CPU_NS)),
        org.assertj.core.groups.Tuple.tuple(NodeId.of("site-a", "local"),
            at(TelegrafLines.MEM_NS)),
        org.assertj.core.groups.Tuple.tuple(NodeId.of("site-a", "ubuntu"),
            at(TelegrafLines.POWERSTAT_NS)),
        org.assertj.core.groups.Tuple.tuple(NodeId.of("site-a", "local"),
            at(1558613892000000000L)));
  }

  @Test
  void lines_of_one_host_and_instant_from_different_plugins_merge_into_one_reading() {
    String batch = "cpu,cpu=cpu-total,host=n9 usage_idle=60 1606494744000000000\n"
        + "mem,host=n9 used_percent=40 1606494744000000000\n"
        + "nvidia_smi,host=n9,index=0 power_draw=250.5,temperature_gpu=70i 1606494744000000000";

    NodeReading reading = only(decode(batch, TelegrafLines.POWERSTAT_NS));

    assertThat(reading.metrics().asMap()).containsOnlyKeys(NodeMetric.CPU_UTIL_RATIO,
        NodeMetric.MEM_USED_RATIO, NodeMetric.GPU_POWER_WATTS, NodeMetric.GPU_TEMP_CELSIUS);
    assertThat(on(reading, Device.gpu(0), NodeMetric.GPU_POWER_WATTS)).isEqualTo(250.5);
  }

  @Test
  void site_and_rack_tags_place_the_node_and_a_default_site_applies_without_them() {
    TelegrafCodec elsewhere = new TelegrafCodec(TelegrafSettings.defaults()
        .withDefaultSite(SiteId.of("lab")));

    Decoded decoded = elsewhere.decode("telegraf/a/mem", bytes(
        "mem,host=a,rack=r7,site=site-b used_percent=1 1606494744000000000\n"
            + "mem,host=b used_percent=2 1606494744000000000"),
        receivedAfter(TelegrafLines.POWERSTAT_NS));

    assertThat(decoded.nodes()).extracting(NodeReading::node)
        .containsExactly(NodeId.of("site-b", "a"), NodeId.of("lab", "b"));
    assertThat(decoded.nodes().get(0).rack()).isEqualTo(RackId.of("r7"));
  }

  @Test
  void a_line_without_timestamp_is_stamped_with_the_receive_time() {
    Instant received = Instant.parse("2025-01-01T00:00:00Z");

    Decoded decoded = codec.decode("telegraf/n/mem", bytes("mem,host=n used_percent=3"),
        received);

    assertThat(only(decoded).at()).isEqualTo(received);
  }

  @Test
  void a_node_name_can_come_from_another_tag() {
    TelegrafCodec byServer = new TelegrafCodec(TelegrafSettings.defaults().withNodeTag("server"));

    Decoded decoded = byServer.decode("telegraf/bmc-poller/ipmi_sensor", bytes("ipmi_sensor,"
        + "host=poller,name=avg_power,server=10.20.2.203,unit=watts status=1i,value=110"
        + " 1517125513000000000"), receivedAfter(TelegrafLines.IPMI_NS));

    assertThat(only(decoded).node()).isEqualTo(NodeId.of("site-a", "10.20.2.203"));
  }

  @Test
  void lines_of_unknown_measurements_are_ignored_not_refused() {
    Decoded decoded = decode("disk,device=sda1,host=n free=1i 1606494744000000000\n"
        + "system,host=n load1=0.5 1606494744000000000", TelegrafLines.POWERSTAT_NS);

    assertThat(decoded.isEmpty()).isTrue();
    assertThat(codec.stats().ignoredLines()).isEqualTo(2);
    assertThat(codec.stats().refused()).isZero();
  }

  @Test
  void a_payload_over_the_limit_is_refused_whole_as_too_large() {
    TelegrafCodec small = new TelegrafCodec(TelegrafSettings.defaults().withLimits(64, 64, 10));

    assertThatThrownBy(() -> small.decode("telegraf/n/mem", bytes(TelegrafLines.MEM),
        Instant.EPOCH)).isInstanceOfSatisfying(ValidationException.class, refused -> {
          assertThat(refused.reason()).isEqualTo(RejectReason.TOO_LARGE);
          assertThat(refused.getMessage()).contains("max_payload_bytes");
        });
  }
}
