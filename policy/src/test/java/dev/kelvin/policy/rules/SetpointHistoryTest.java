package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.testkit.Readings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetpointHistoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = T0.plusSeconds(179);

  @Test
  void holds_since_the_reading_after_the_last_change_of_the_cpu_cap() {
    List<NodeReading> window = window(180, second -> second < 150 ? 2400 : 2200, 300);

    assertThat(SetpointHistory.heldSeconds(window, NOW)).isEqualTo(29);
  }

  @Test
  void reads_an_unchanged_hold_back_to_the_oldest_reading() {
    List<NodeReading> window = window(180, second -> 2400, 300);

    assertThat(SetpointHistory.heldSeconds(window, NOW)).isEqualTo(179);
  }

  @Test
  void ignores_readings_that_lack_the_cap() {
    List<NodeReading> window = window(180, second -> second < 100 ? 2000 : 2400, 300);
    window.set(170, Readings.reading().node("n01").at(T0.plusSeconds(170)).seq(170)
        .without(NodeMetric.CPU_FREQ_CAP_MHZ).build());

    assertThat(SetpointHistory.heldSeconds(window, NOW)).isEqualTo(79);
  }

  @Test
  void counts_a_gpu_power_limit_change_as_a_setpoint_change() {
    List<NodeReading> window = window(180, second -> 2400, 0);
    window.replaceAll(reading -> withGpuLimit(reading,
        reading.at().isBefore(T0.plusSeconds(170)) ? 300 : 250));

    assertThat(SetpointHistory.heldSeconds(window, NOW)).isEqualTo(9);
  }

  private interface CapAt {
    double mhz(int second);
  }

  private static List<NodeReading> window(int seconds, CapAt cap, double nodeCapWatts) {
    List<NodeReading> window = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      Readings reading = Readings.reading().node("n01").at(T0.plusSeconds(s)).seq(s)
          .with(NodeMetric.CPU_FREQ_CAP_MHZ, cap.mhz(s));
      if (nodeCapWatts > 0) {
        reading = reading.with(NodeMetric.NODE_POWER_CAP_WATTS, nodeCapWatts);
      }
      window.add(reading.build());
    }
    return window;
  }

  private static NodeReading withGpuLimit(NodeReading reading, double watts) {
    return Readings.reading().node("n01").at(reading.at()).seq(reading.seq())
        .with(NodeMetric.CPU_FREQ_CAP_MHZ, 2400)
        .device(Device.gpu(0), MetricValues.empty()
            .with(NodeMetric.GPU_POWER_LIMIT_WATTS, watts)
            .with(NodeMetric.GPU_POWER_WATTS, 200))
        .build();
  }
}
