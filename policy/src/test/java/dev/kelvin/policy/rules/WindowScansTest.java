package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kept scans must read every window exactly as a whole scan does: random readings (caps
 * that change, vanish and return, GPU limits, missing temperatures), windows that slide by a
 * few readings, jump, shrink and grow, and settle times that change, each tick compared with
 * plain loops written here from the facts' definitions.
 */
class WindowScansTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final double[] CAPS = {2000, 2200, 2400, Double.NaN};

  @Test
  void kept_scans_read_every_window_as_a_whole_scan_does() {
    for (long seed = 0; seed < 60; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<NodeReading> stream = stream(random, 3_000);
      WindowScans kept = new WindowScans();
      Duration settle = Duration.ofSeconds(30);
      int end = 1 + random.nextInt(50);
      int size = 1 + random.nextInt(200);
      while (end < stream.size()) {
        List<NodeReading> window = stream.subList(Math.max(0, end - size), end);
        NodeView view = view(window);
        Instant now = window.get(window.size() - 1).at().plusSeconds(random.nextInt(3));
        String where = "seed " + seed + ", window ending at " + end + " of size " + size;
        assertThat(kept.setpointsHeldSeconds(view, now)).as(where)
            .isEqualTo(heldSeconds(window, now));
        assertThat(kept.settling(view, settle)).as(where).isEqualTo(settling(window, settle));
        end += random.nextInt(10) == 0 ? random.nextInt(100) : random.nextInt(4);
        size = random.nextInt(20) == 0 ? 1 + random.nextInt(200) : size;
        settle = random.nextInt(50) == 0 ? Duration.ofSeconds(5 + random.nextInt(150)) : settle;
      }
    }
  }

  @Test
  void a_window_rebuilt_from_equal_readings_is_still_recognised() {
    List<NodeReading> stream = stream(new SplittableRandom(7), 300);
    WindowScans kept = new WindowScans();
    kept.setpointsHeldSeconds(view(stream.subList(0, 200)), T0.plusSeconds(200));
    List<NodeReading> copies = new ArrayList<>();
    for (NodeReading reading : stream.subList(10, 210)) {
      copies.add(new NodeReading(reading.node(), reading.rack(), reading.at(), reading.seq(),
          reading.metrics(), reading.devices()));
    }

    assertThat(kept.setpointsHeldSeconds(view(copies), T0.plusSeconds(210)))
        .isEqualTo(heldSeconds(copies, T0.plusSeconds(210)));
  }

  /** Readings a second apart, with caps that hold for a while, and noise on the rest. */
  private static List<NodeReading> stream(SplittableRandom random, int count) {
    List<NodeReading> stream = new ArrayList<>(count);
    double cap = 2400;
    double nodeCap = 300;
    double gpuLimit = 250;
    double temp = 70;
    for (int s = 0; s < count; s++) {
      cap = random.nextInt(40) == 0 ? CAPS[random.nextInt(CAPS.length)] : cap;
      nodeCap = random.nextInt(80) == 0 ? 250 + random.nextInt(3) * 25 : nodeCap;
      gpuLimit = random.nextInt(80) == 0 ? 200 + random.nextInt(3) * 25 : gpuLimit;
      temp = Math.max(30, Math.min(100, temp + random.nextGaussian() * 2));
      Readings reading = Readings.reading().node("n01").at(T0.plusSeconds(s)).seq(s)
          .with(NodeMetric.POWER_WATTS, 200);
      reading = !Double.isNaN(cap) && random.nextInt(15) != 0
          ? reading.with(NodeMetric.CPU_FREQ_CAP_MHZ, cap)
          : reading.without(NodeMetric.CPU_FREQ_CAP_MHZ);
      if (random.nextInt(10) != 0) {
        reading = reading.with(NodeMetric.NODE_POWER_CAP_WATTS, nodeCap);
      }
      reading = random.nextInt(12) != 0
          ? reading.with(NodeMetric.CPU_TEMP_CELSIUS, Math.round(temp))
          : reading.without(NodeMetric.CPU_TEMP_CELSIUS);
      if (random.nextInt(6) != 0) {
        reading = reading.device(Device.gpu(0), MetricValues.empty()
            .with(NodeMetric.GPU_POWER_LIMIT_WATTS, gpuLimit));
      }
      stream.add(reading.build());
    }
    return stream;
  }

  private static NodeView view(List<NodeReading> window) {
    NodeReading latest = window.get(window.size() - 1);
    return new NodeView(latest.node(), latest.rack(), latest, window, latest.at(), false);
  }

  /** From the newest reading whose setpoints differ from the latest's, as plain loops. */
  private static double heldSeconds(List<NodeReading> window, Instant now) {
    NodeReading latest = window.get(window.size() - 1);
    Instant since = window.get(0).at();
    for (int i = window.size() - 2; i >= 0; i--) {
      NodeReading reading = window.get(i);
      if (!same(reading.metrics(), latest.metrics(), NodeMetric.CPU_FREQ_CAP_MHZ)
          || !same(reading.metrics(), latest.metrics(), NodeMetric.NODE_POWER_CAP_WATTS)
          || !sameGpu(reading, latest)) {
        since = window.get(i + 1).at();
        break;
      }
    }
    return Duration.between(since, now).toMillis() / 1000.0;
  }

  private static boolean sameGpu(NodeReading reading, NodeReading latest) {
    MetricValues now = latest.devices().get(Device.gpu(0));
    MetricValues before = reading.devices().get(Device.gpu(0));
    return now == null || before == null
        || same(before, now, NodeMetric.GPU_POWER_LIMIT_WATTS);
  }

  private static boolean same(MetricValues a, MetricValues b, NodeMetric metric) {
    double x = a.getOrNaN(metric);
    double y = b.getOrNaN(metric);
    return Double.isNaN(x) || Double.isNaN(y) || Objects.equals(x, y);
  }

  /** The thermal settling over the settle time, as plain loops. */
  private static WindowScans.Settling settling(List<NodeReading> window, Duration settle) {
    NodeReading latest = window.get(window.size() - 1);
    Instant since = latest.at().minus(settle);
    double capNow = latest.metrics().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ);
    boolean settled = true;
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = window.size() - 1; i >= 0 && !window.get(i).at().isBefore(since); i--) {
      double cap = window.get(i).metrics().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ);
      settled &= Double.isNaN(cap) || Double.isNaN(capNow) || cap == capNow;
      double celsius = window.get(i).metrics().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
      peak = Double.isNaN(celsius) ? peak : Math.max(peak, celsius);
    }
    return new WindowScans.Settling(settled, peak, !window.get(0).at().isAfter(since));
  }
}
