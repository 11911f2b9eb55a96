package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The window features kept column by column from tick to tick against the same window read
 * whole, and against a plain loop over the readings as the features were first defined
 * ({@link #plainWindowValues}): the same numbers to the last bit, on random windows.
 */
class WindowColumnsTest {
  private static final int WINDOW = 40;

  @Test
  void a_window_continued_at_its_end_is_read_only_there_and_gives_the_features_of_a_whole_read() {
    SplittableRandom random = new SplittableRandom(3);
    List<NodeReading> window = new ArrayList<>();
    Instant at = MutableClock.START;
    WindowColumns columns = new WindowColumns();
    for (int tick = 0; tick < 400; tick++) {
      for (int n = random.nextInt(4); n > 0; n--) {
        at = at.plusNanos(1 + random.nextLong(3_000_000_000L));
        window.add(randomReading(random, at, tick));
        if (window.size() > WINDOW) {
          window.remove(0);
        }
      }
      if (window.isEmpty()) {
        continue;
      }
      columns.update(List.copyOf(window));

      double[] reused = new double[NodeTelemetryFeatures.WINDOW_NAMES.size()];
      double[] scratch = random.doubles(WINDOW + 5).toArray();
      columns.values(reused, scratch);

      assertThat(values(columns)).isEqualTo(NodeTelemetryFeatures.windowValues(window))
          .isEqualTo(plainWindowValues(window)).isEqualTo(reused);
      assertThat(columns.size()).isEqualTo(window.size());
    }
    assertThat(columns.wholeReads()).isEqualTo(1);
  }

  @Test
  void reads_the_window_whole_when_its_latest_reading_was_replaced_by_a_completed_one() {
    SplittableRandom random = new SplittableRandom(5);
    List<NodeReading> window = readings(random, 10);
    WindowColumns columns = WindowColumns.of(window);
    NodeReading latest = window.get(window.size() - 1);
    window.set(window.size() - 1, new NodeReading(latest.node(), latest.rack(), latest.at(),
        latest.seq(), latest.metrics().with(NodeMetric.CPU_TEMP_CELSIUS, 91)));

    columns.update(window);

    assertThat(columns.wholeReads()).isEqualTo(2);
    assertThat(values(columns)).isEqualTo(plainWindowValues(window));
  }

  @Test
  void reads_the_window_whole_when_a_reading_turns_up_between_those_held() {
    SplittableRandom random = new SplittableRandom(7);
    List<NodeReading> window = readings(random, 10);
    WindowColumns columns = WindowColumns.of(window);
    Instant between = window.get(4).at().plusMillis(1);
    window.remove(0);
    window.add(5, randomReading(random, between, 99));

    columns.update(window);

    assertThat(columns.wholeReads()).isEqualTo(2);
    assertThat(values(columns)).isEqualTo(plainWindowValues(window));
  }

  @Test
  void reads_the_window_whole_when_none_of_its_readings_is_held() {
    SplittableRandom random = new SplittableRandom(9);
    WindowColumns columns = WindowColumns.of(readings(random, 10));
    List<NodeReading> later = readings(random, 3);

    columns.update(later);

    assertThat(columns.wholeReads()).isEqualTo(2);
    assertThat(columns.size()).isEqualTo(3);
    assertThat(values(columns)).isEqualTo(plainWindowValues(later));
  }

  @Test
  void gives_the_milliseconds_a_duration_between_the_two_instants_gives() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      Instant from = MutableClock.START.plusNanos(random.nextLong(-10_000_000_000L,
          10_000_000_000L));
      Instant to = from.plusNanos(random.nextLong(-5_000_000_000L, 5_000_000_000L));

      assertThat(WindowColumns.millisBetween(from.getEpochSecond(), from.getNano(),
          to.getEpochSecond(), to.getNano())).isEqualTo(Duration.between(from, to).toMillis());
    }
  }

  private static double[] values(WindowColumns columns) {
    double[] values = new double[NodeTelemetryFeatures.WINDOW_NAMES.size()];
    columns.values(values);
    return values;
  }

  private static List<NodeReading> readings(SplittableRandom random, int count) {
    List<NodeReading> window = new ArrayList<>();
    Instant at = MutableClock.START.plusSeconds(random.nextInt(1_000_000));
    for (int i = 0; i < count; i++) {
      at = at.plusMillis(500 + random.nextInt(2_000));
      window.add(randomReading(random, at, i));
    }
    return window;
  }

  /** A reading whose metrics are each absent now and then; sometimes a node drawing < 10 W. */
  private static NodeReading randomReading(SplittableRandom random, Instant at, long seq) {
    Readings reading = Readings.reading().at(at).seq(seq + 1)
        .with(NodeMetric.CPU_TEMP_CELSIUS, 30 + random.nextDouble(60))
        .with(NodeMetric.INLET_TEMP_CELSIUS, 18 + random.nextDouble(12))
        .with(NodeMetric.POWER_WATTS, random.nextInt(10) == 0 ? random.nextDouble(10)
            : 50 + random.nextDouble(500))
        .with(NodeMetric.CPU_FREQ_MHZ, 1200 + random.nextDouble(1800))
        .with(NodeMetric.CPU_UTIL_RATIO, random.nextDouble());
    for (NodeMetric metric : List.of(NodeMetric.CPU_TEMP_CELSIUS, NodeMetric.INLET_TEMP_CELSIUS,
        NodeMetric.POWER_WATTS, NodeMetric.CPU_FREQ_MHZ, NodeMetric.CPU_UTIL_RATIO)) {
      if (random.nextInt(8) == 0) {
        reading.without(metric);
      }
    }
    return reading.build();
  }

  /** The window features as first written: one pass over the readings' objects. */
  private static double[] plainWindowValues(List<NodeReading> window) {
    Instant end = window.get(window.size() - 1).at();
    NodeMetric[] metrics = {NodeMetric.CPU_TEMP_CELSIUS, NodeMetric.INLET_TEMP_CELSIUS,
        NodeMetric.POWER_WATTS, NodeMetric.CPU_FREQ_MHZ};
    PlainStats[] stats = {new PlainStats(), new PlainStats(), new PlainStats(),
        new PlainStats()};
    PlainStats util = new PlainStats();
    PlainStats resistance = new PlainStats();
    for (NodeReading reading : window) {
      double minutes = -Duration.between(reading.at(), end).toMillis() / 60_000.0;
      for (int m = 0; m < stats.length; m++) {
        stats[m].add(minutes, reading.metrics().getOrNaN(metrics[m]));
      }
      util.add(minutes, reading.metrics().getOrNaN(NodeMetric.CPU_UTIL_RATIO));
      double cpu = reading.metrics().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
      double inlet = reading.metrics().getOrNaN(NodeMetric.INLET_TEMP_CELSIUS);
      double power = reading.metrics().getOrNaN(NodeMetric.POWER_WATTS);
      resistance.add(minutes, power >= 10 ? (cpu - inlet) / (power / 1000) : Double.NaN);
    }
    double[] values = new double[NodeTelemetryFeatures.WINDOW_NAMES.size()];
    int k = 0;
    for (PlainStats each : stats) {
      values[k++] = each.mean();
      values[k++] = each.max();
      values[k++] = each.slope();
    }
    values[k++] = util.mean();
    values[k++] = resistance.mean();
    values[k] = resistance.slope();
    return values;
  }

  private static final class PlainStats {
    private int count;
    private double sumT;
    private double sumV;
    private double sumTt;
    private double sumTv;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double t, double value) {
      if (!Double.isNaN(value)) {
        count++;
        sumT += t;
        sumV += value;
        sumTt += t * t;
        sumTv += t * value;
        max = Math.max(max, value);
      }
    }

    double mean() {
      return count == 0 ? Double.NaN : sumV / count;
    }

    double max() {
      return count == 0 ? Double.NaN : max;
    }

    double slope() {
      if (count < 2) {
        return Double.NaN;
      }
      double spread = sumTt - sumT * sumT / count;
      return spread > 1e-12 ? (sumTv - sumT * sumV / count) / spread : Double.NaN;
    }
  }
}
