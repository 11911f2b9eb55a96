package dev.kelvin.predictor.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailureSplitTest {
  private static final Duration H = SyntheticExamples.HORIZON;

  @Test
  void no_training_or_validation_label_window_crosses_a_boundary() {
    FailureExamples examples = SyntheticExamples.of("s", 60, 300, 3);
    Instant until = SyntheticExamples.START.plus(Duration.ofDays(200));

    FailureSplit split = FailureSplit.of(examples, until);

    assertThat(split.training()).isNotEmpty().allSatisfy(e ->
        assertThat(e.anchor().plus(H)).isBeforeOrEqualTo(split.validationFrom()));
    assertThat(split.validation()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.anchor()).isAfterOrEqualTo(split.validationFrom());
      assertThat(e.anchor().plus(H)).isBeforeOrEqualTo(until);
    });
    assertThat(FailureSplit.test(examples, until)).allSatisfy(e ->
        assertThat(e.anchor()).isAfterOrEqualTo(until));
  }

  @Test
  void a_positive_whose_failure_lies_past_the_boundary_is_purged_not_trained_on() {
    FailureExamples examples = SyntheticExamples.of("s", 60, 300, 3);
    Instant until = SyntheticExamples.START.plus(Duration.ofDays(200));
    FailureSplit plain = FailureSplit.of(examples, until);
    // a node anchored two days before validation starts, failing three days later: its label
    // is known only after the boundary, so the split must keep it out of training
    Instant anchor = plain.validationFrom().minus(Duration.ofDays(2));
    FailureExample crossing = new FailureExample("s", "crossing", anchor,
        new double[SyntheticExamples.FEATURES.names().size()], true,
        Duration.ofDays(3).toSeconds(), 1);
    List<FailureExample> all = new ArrayList<>(examples.examples());
    all.add(crossing);
    all.sort(java.util.Comparator.comparing(FailureExample::anchor));

    FailureSplit split = FailureSplit.of(new FailureExamples("s", examples.features(), H, all,
        examples.data()), until);

    assertThat(split.validationFrom()).isEqualTo(plain.validationFrom());
    assertThat(split.training()).doesNotContain(crossing);
    assertThat(split.validation()).doesNotContain(crossing);
    assertThat(split.purged()).isEqualTo(plain.purged() + 1);
  }

  @Test
  void all_nodes_of_one_anchor_time_fall_on_the_same_side() {
    FailureExamples examples = SyntheticExamples.of("s", 60, 300, 3);
    FailureSplit split = FailureSplit.of(examples, FailureSplit.defaultUntil(examples));

    Set<Instant> training = new HashSet<>();
    split.training().forEach(e -> training.add(e.anchor()));
    Set<Instant> validation = new HashSet<>();
    split.validation().forEach(e -> validation.add(e.anchor()));
    Set<Instant> test = new HashSet<>();
    FailureSplit.test(examples, split.until()).forEach(e -> test.add(e.anchor()));

    assertThat(training).doesNotContainAnyElementsOf(validation).doesNotContainAnyElementsOf(test);
    assertThat(validation).doesNotContainAnyElementsOf(test);
    long perAnchor = split.training().stream()
        .filter(e -> e.anchor().equals(split.training().get(0).anchor())).count();
    assertThat(perAnchor).isEqualTo(60);
  }

  @Test
  void the_default_end_of_training_leaves_about_a_quarter_of_the_positives_to_test() {
    FailureExamples examples = SyntheticExamples.of("s", 60, 300, 3);

    Instant until = FailureSplit.defaultUntil(examples);

    long positives = examples.positives();
    long tested = FailureSplit.test(examples, until).stream().filter(FailureExample::label)
        .count();
    assertThat((double) tested / positives).isBetween(0.2, 0.3);
  }

  @Test
  void refuses_a_date_before_which_there_is_nothing_to_learn() {
    FailureExamples examples = SyntheticExamples.of("s", 60, 300, 3);

    assertThatThrownBy(() -> FailureSplit.of(examples, SyntheticExamples.START.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s: 0 positive examples before 2020-01-01T00:00:01Z");
  }
}
