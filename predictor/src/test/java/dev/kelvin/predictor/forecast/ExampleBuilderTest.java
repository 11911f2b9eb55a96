package dev.kelvin.predictor.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.predictor.forecast.ExampleBuilder.Examples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ExampleBuilderTest {
  private final ForecastSettings settings = ForecastSettings.defaults();

  /** Node {@code name}'s readings each second from 0 to 200 s where kept, power 100 + t W. */
  private static List<NodeReading> ramp(String name, IntPredicate kept, long jitterMillis) {
    Random random = new Random(5);
    List<NodeReading> readings = new ArrayList<>();
    for (int s = 0; s <= 200; s++) {
      if (kept.test(s)) {
        long jitter = jitterMillis == 0 ? 0 : random.nextInt((int) (2 * jitterMillis + 1))
            - jitterMillis;
        readings.add(Readings.reading().node(name).seq(s)
            .at(MutableClock.START.plusSeconds(s).plusMillis(jitter))
            .with(NodeMetric.POWER_WATTS, 100 + s).build());
      }
    }
    return readings;
  }

  private static Instant second(long s) {
    return MutableClock.START.plusSeconds(s);
  }

  @Test
  void labels_each_example_with_the_power_one_horizon_later() {
    Examples examples = ExampleBuilder.build(ramp("n01", s -> true, 0), settings);

    assertThat(examples.examples()).hasSize(115);
    assertThat(examples.examples().subList(0, 114)).allSatisfy(example -> {
      assertThat(example.labelAt()).isEqualTo(example.at().plusSeconds(60));
      assertThat(example.labelWatts() - example.features().powerWatts()).isEqualTo(60);
    });
    assertThat(examples.examples().get(0).at()).isEqualTo(second(27));
    assertThat(examples.tooShort()).isEqualTo(27);
    assertThat(examples.unlabelled()).isEqualTo(59);
  }

  @Test
  void accepts_a_label_one_sample_from_the_horizon_but_no_further() {
    List<LabelledExample> examples =
        ExampleBuilder.build(ramp("n01", s -> true, 0), settings).examples();

    LabelledExample last = examples.get(examples.size() - 1);
    assertThat(last.at()).isEqualTo(second(141));
    assertThat(last.labelAt()).isEqualTo(second(200));
  }

  @Test
  void tolerates_timestamps_jittered_by_less_than_a_sample() {
    Examples examples = ExampleBuilder.build(ramp("n01", s -> true, 200), settings);

    List<LabelledExample> inside = examples.examples().stream()
        .filter(example -> example.at().isBefore(second(141))).toList();
    assertThat(inside).hasSizeGreaterThanOrEqualTo(113).allSatisfy(example ->
        assertThat(example.labelWatts() - example.features().powerWatts()).isEqualTo(60));
  }

  @Test
  void takes_the_nearest_reading_within_one_sample_when_the_exact_one_is_missing() {
    Examples examples = ExampleBuilder.build(ramp("n01", s -> s < 100 || s > 103, 0),
        settings);

    LabelledExample at40 = examples.examples().stream()
        .filter(example -> example.at().equals(second(40))).findFirst().orElseThrow();
    assertThat(at40.labelAt()).isEqualTo(second(99));
    assertThat(examples.examples()).noneMatch(example -> example.at().equals(second(41))
        || example.at().equals(second(42)));
    assertThat(examples.examples()).anyMatch(example -> example.at().equals(second(43))
        && example.labelAt().equals(second(104)));
  }

  @Test
  void drops_repeated_readings_of_an_instant_and_counts_them() {
    List<NodeReading> history = new ArrayList<>(ramp("n01", s -> true, 0));
    history.addAll(history.subList(50, 55));

    Examples examples = ExampleBuilder.build(history, settings);

    assertThat(examples.duplicates()).isEqualTo(5);
    assertThat(examples.readings()).isEqualTo(206);
    assertThat(examples.examples())
        .isEqualTo(ExampleBuilder.build(ramp("n01", s -> true, 0), settings).examples());
  }

  @Test
  void gives_the_same_examples_for_readings_in_any_order() {
    List<NodeReading> history = new ArrayList<>(ramp("n01", s -> true, 0));
    history.addAll(ramp("n02", s -> true, 0));
    List<NodeReading> shuffled = new ArrayList<>(history);
    Collections.shuffle(shuffled, new Random(9));

    assertThat(ExampleBuilder.build(shuffled, settings))
        .isEqualTo(ExampleBuilder.build(history, settings));
  }

  @Test
  void orders_examples_by_time_then_node() {
    List<NodeReading> history = new ArrayList<>(ramp("n02", s -> true, 0));
    history.addAll(ramp("n01", s -> true, 0));

    List<LabelledExample> examples = ExampleBuilder.build(history, settings).examples();

    assertThat(examples).hasSize(230);
    assertThat(examples.get(0).node().name()).isEqualTo("n01");
    assertThat(examples.get(1).node().name()).isEqualTo("n02");
    assertThat(examples.get(1).at()).isEqualTo(examples.get(0).at());
    assertThat(examples.get(2).at()).isEqualTo(second(28));
  }

  @Test
  void counts_anchors_whose_window_lacks_a_metric() {
    List<NodeReading> history = new ArrayList<>();
    for (NodeReading reading : ramp("n01", s -> true, 0)) {
      long s = Duration.between(MutableClock.START, reading.at()).toSeconds();
      history.add(s >= 150 && s < 160 ? new NodeReading(reading.node(), reading.rack(),
          reading.at(), reading.seq(), reading.metrics().toBuilder()
              .clear(NodeMetric.CPU_FREQ_CAP_MHZ).build()) : reading);
    }

    Examples examples = ExampleBuilder.build(history, settings);

    assertThat(examples.missingMetric()).isEqualTo(10);
    assertThat(examples.examples()).hasSize(115);
  }

  @Test
  void makes_no_example_of_a_node_with_a_single_reading() {
    Examples examples = ExampleBuilder.build(List.of(Readings.reading().build()), settings);

    assertThat(examples.examples()).isEmpty();
    assertThat(examples.tooShort()).isEqualTo(1);
    assertThat(examples.nodes()).isEqualTo(1);
  }
}
