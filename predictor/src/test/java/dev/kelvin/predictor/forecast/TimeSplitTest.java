package dev.kelvin.predictor.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.predictor.features.PowerFeatureVector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitTest {
  private static final PowerFeatureVector FEATURES =
      new PowerFeatureVector(300, 300, 0, 0.5, 0.5, 1);

  private static LabelledExample example(String node, long atSecond, long labelSecond) {
    Instant start = MutableClock.START;
    return new LabelledExample(NodeId.of("site-a", node), start.plusSeconds(atSecond), FEATURES,
        start.plusSeconds(labelSecond), 300);
  }

  private static List<LabelledExample> simulatedExamples() {
    return ExampleBuilder.build(SimulatedHistory.of(3, Duration.ofMinutes(10), 4).readings(),
        ForecastSettings.defaults()).examples();
  }

  @Test
  void no_test_example_precedes_a_training_example() {
    TimeSplit split = TimeSplit.of(simulatedExamples(), 0.2);

    Instant lastTraining = split.training().stream().map(LabelledExample::at)
        .max(Comparator.naturalOrder()).orElseThrow();
    Instant firstTest = split.test().stream().map(LabelledExample::at)
        .min(Comparator.naturalOrder()).orElseThrow();
    assertThat(lastTraining).isBefore(firstTest);
    assertThat(firstTest).isEqualTo(split.splitAt());
    assertThat(split.training()).allSatisfy(example ->
        assertThat(example.labelAt()).isBefore(split.splitAt()));
  }

  @Test
  void holds_out_the_requested_share_of_the_latest_examples() {
    List<LabelledExample> examples = simulatedExamples();

    TimeSplit split = TimeSplit.of(examples, 0.25);

    assertThat(split.test().size()).isBetween(examples.size() / 4 - 3, examples.size() / 4 + 3);
    assertThat(split.test()).isEqualTo(
        examples.subList(examples.size() - split.test().size(), examples.size()));
  }

  @Test
  void purges_training_examples_whose_label_falls_in_the_test_period() {
    List<LabelledExample> examples = simulatedExamples();

    TimeSplit split = TimeSplit.of(examples, 0.2);

    long leaking = examples.stream().filter(example -> example.at().isBefore(split.splitAt())
        && !example.labelAt().isBefore(split.splitAt())).count();
    assertThat(leaking).isPositive();
    assertThat(split.purged()).isEqualTo(leaking);
    assertThat(split.training().size() + split.purged() + split.test().size())
        .isEqualTo(examples.size());
  }

  @Test
  void keeps_the_examples_of_one_instant_on_one_side() {
    List<LabelledExample> examples = new ArrayList<>();
    for (long s = 0; s < 8; s++) {
      examples.add(example("n01", s, s));
      examples.add(example("n02", s, s));
    }

    TimeSplit split = TimeSplit.of(examples, 0.2);

    assertThat(split.training()).hasSize(14);
    assertThat(split.test()).hasSize(2).allSatisfy(example ->
        assertThat(example.at()).isEqualTo(MutableClock.START.plusSeconds(7)));
  }

  @Test
  void refuses_examples_that_all_share_one_instant() {
    List<LabelledExample> examples = List.of(example("n01", 5, 65), example("n02", 5, 65));

    assertThatThrownBy(() -> TimeSplit.of(examples, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 labelled examples").hasMessageContaining("more than one instant");
  }
}
