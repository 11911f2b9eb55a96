package dev.kelvin.telemetry.decode.telegraf;

import static dev.kelvin.telemetry.decode.telegraf.TelegrafLines.bytes;
import static dev.kelvin.telemetry.decode.telegraf.TelegrafLines.receivedAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.telemetry.decode.Decoded;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Telegraf with {@code batch = false} sends each metric in a message of its own: node figures
 * built from per-core, per-package, per-GPU and per-supply lines still come out whole.
 */
class TelegrafCodecOneMetricPerMessageTest {
  private static final long T1 = TelegrafLines.POWERSTAT_NS;
  private static final long T2 = T1 + 10_000_000_000L;
  private final TelegrafCodec codec = new TelegrafCodec(TelegrafSettings.defaults());

  private List<NodeReading> eachAlone(String lines) {
    List<NodeReading> readings = new ArrayList<>();
    for (String line : lines.split("\n")) {
      Decoded decoded = codec.decode("telegraf/ubuntu/intel_powerstat", bytes(line),
          receivedAfter(T1));
      assertThat(decoded.refused()).isEmpty();
      readings.addAll(decoded.nodes());
    }
    return readings;
  }

  private static String core(int cpu, int socket, double mhz, int celsius, long nanos) {
    return "powerstat_core,core_id=" + cpu + ",cpu_id=" + cpu + ",host=ubuntu,package_id="
        + socket + " cpu_frequency_mhz=" + mhz + " " + nanos + "\n"
        + "powerstat_core,core_id=" + cpu + ",cpu_id=" + cpu + ",host=ubuntu,package_id="
        + socket + " cpu_temperature_celsius=" + celsius + "i " + nanos;
  }

  @Test
  void the_last_message_of_an_instant_carries_the_mean_and_maximum_over_all_its_cores() {
    List<NodeReading> readings = eachAlone(core(0, 0, 1200, 40, T1) + "\n"
        + core(1, 0, 2400, 55, T1) + "\n" + core(2, 1, 3000, 47, T1));

    NodeReading last = readings.get(readings.size() - 1);
    assertThat(readings).hasSize(6).allSatisfy(reading ->
        assertThat(reading.at()).isEqualTo(TelegrafLines.at(T1)));
    assertThat(readings.get(4).cpuFreqMhz()).hasValue(2200);
    assertThat(last.cpuTempCelsius()).hasValue(55);
    assertThat(last.get(NodeMetric.CPU_TEMP_CELSIUS, Optional.of(Device.cpuPackage(1))))
        .hasValue(47);
  }

  @Test
  void a_message_delivered_twice_does_not_count_its_core_twice() {
    String twice = core(0, 0, 1000, 40, T1) + "\n" + core(1, 0, 2000, 50, T1) + "\n"
        + core(1, 0, 2000, 50, T1);

    List<NodeReading> readings = eachAlone(twice);

    assertThat(readings.get(4).cpuFreqMhz()).as("the repeated frequency message").hasValue(1500);
  }

  @Test
  void a_new_instant_starts_its_aggregates_afresh_and_a_late_message_stands_alone() {
    List<NodeReading> readings = eachAlone(core(0, 0, 1000, 40, T1) + "\n"
        + core(0, 0, 3000, 60, T2) + "\n" + core(1, 0, 2000, 50, T1) + "\n"
        + core(1, 0, 2500, 70, T2));

    assertThat(readings.get(2).cpuFreqMhz()).hasValue(3000);
    assertThat(readings.get(4).cpuFreqMhz()).as("late, alone").hasValue(2000);
    assertThat(readings.get(6).cpuFreqMhz()).hasValue(2750);
    assertThat(readings.get(7).cpuTempCelsius()).hasValue(70);
  }

  @Test
  void package_powers_sent_one_per_message_add_up_for_the_node() {
    List<NodeReading> readings = eachAlone(
        "powerstat_package,host=ubuntu,package_id=0 current_power_consumption_watts=35 " + T1
            + "\npowerstat_package,host=ubuntu,package_id=1 current_power_consumption_watts=41.5 "
            + T1);

    NodeReading last = readings.get(1);
    assertThat(last.metrics().get(NodeMetric.CPU_POWER_WATTS)).hasValue(76.5);
    assertThat(last.get(NodeMetric.CPU_POWER_WATTS, Optional.of(Device.cpuPackage(1))))
        .hasValue(41.5);
    assertThat(last.devices()).containsOnlyKeys(Device.cpuPackage(1));
  }

  @Test
  void gpus_and_power_supplies_sent_one_per_message_combine_for_the_node() {
    List<NodeReading> readings = eachAlone(
        "nvidia_smi,host=ubuntu,index=0 power_draw=300.5,temperature_gpu=70i,utilization_gpu=90i "
            + T1 + "\nnvidia_smi,host=ubuntu,index=1 power_draw=200,temperature_gpu=64i,"
            + "utilization_gpu=30i " + T1
            + "\nredfish_power_powersupplies,host=t,member_id=0,source=ubuntu power_input_watts=400 "
            + T1 + "\nredfish_power_powersupplies,host=t,member_id=1,source=ubuntu "
            + "power_input_watts=380 " + T1);

    NodeReading gpus = readings.get(1);
    assertThat(gpus.metrics().get(NodeMetric.GPU_POWER_WATTS)).hasValue(500.5);
    assertThat(gpus.metrics().get(NodeMetric.GPU_TEMP_CELSIUS)).hasValue(70);
    assertThat(gpus.metrics().get(NodeMetric.GPU_UTIL_RATIO).orElseThrow())
        .isCloseTo(0.6, within(1e-12));
    assertThat(readings.get(3).powerWatts()).hasValue(780);
  }

  @Test
  void with_no_room_for_running_aggregates_each_message_stands_alone_and_is_counted() {
    TelegrafSettings d = TelegrafSettings.defaults();
    TelegrafCodec tight = new TelegrafCodec(new TelegrafSettings(d.topicFilter(), d.precision(),
        d.defaultSite(), d.nodeTag(), d.nodeTagByMeasurement(), d.siteTag(), d.rackTag(),
        d.maxPayloadBytes(), d.maxLineChars(), d.maxLines(), 0, d.sensorNames()));
    List<NodeReading> readings = new ArrayList<>();
    for (String line : (core(0, 0, 1000, 40, T1) + "\n" + core(1, 0, 2000, 50, T1))
        .split("\n")) {
      readings.addAll(tight.decode("t", bytes(line), receivedAfter(T1)).nodes());
    }

    assertThat(readings.get(2).cpuFreqMhz()).hasValue(2000);
    assertThat(tight.stats().aggregateOverflows()).as("2 means and 4 maxima").isEqualTo(6);
  }
}
