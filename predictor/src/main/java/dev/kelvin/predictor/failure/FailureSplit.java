package dev.kelvin.predictor.failure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A strictly time-ordered split of one source's examples into training and validation, all
 * before {@code until}; the test part is what lies at or after it. Every boundary is a time on
 * one calendar for all systems and nodes of the source, and the side an example falls on
 * depends on its anchor time alone, so the nodes of one anchor time (a burst of failures
 * across nodes included) are always on one side.
 *
 * <p>An example is seen in training or validation only when its whole label window {@code
 * [anchor, anchor + horizon)} ends at or before the boundary after it; one whose window crosses
 * a boundary is purged (the embargo), since its label is part of the future beyond it. Features
 * use only failures strictly before the anchor, so nothing at or after {@code until} is seen.
 *
 * @param source the source split
 * @param training examples whose label window ends at or before {@code validationFrom}
 * @param validation examples anchored at or after {@code validationFrom} whose window ends at or
 *     before {@code until}
 * @param validationFrom the boundary between training and validation
 * @param until the end of what training may see
 * @param purged examples before {@code until} left out because their window crosses a boundary
 */
public record FailureSplit(String source, List<FailureExample> training,
    List<FailureExample> validation, Instant validationFrom, Instant until, int purged) {
  /** The share of the failures before {@code until} that the validation part gets. */
  public static final double VALIDATION_SHARE = 0.25;
  /** The share of all failures that the default test part gets. */
  public static final double TEST_SHARE = 0.25;

  public FailureSplit {
    Objects.requireNonNull(source, "source");
    training = List.copyOf(training);
    validation = List.copyOf(validation);
  }

  /**
   * Splits {@code examples} before {@code until}; the validation part starts at the anchor time
   * before which {@code 1 - VALIDATION_SHARE} of those examples' positives lie.
   *
   * @throws IllegalArgumentException when either part would lack a positive example
   */
  public static FailureSplit of(FailureExamples examples, Instant until) {
    Duration horizon = examples.horizon();
    List<FailureExample> seen = examples.examples().stream()
        .filter(e -> !e.anchor().plus(horizon).isAfter(until)).toList();
    int embargoed = (int) examples.examples().stream()
        .filter(e -> e.anchor().isBefore(until) && e.anchor().plus(horizon).isAfter(until))
        .count();
    Instant validationFrom = positiveQuantile(seen, 1 - VALIDATION_SHARE, examples.source(),
        "before " + until);
    List<FailureExample> training = new ArrayList<>();
    List<FailureExample> validation = new ArrayList<>();
    for (FailureExample example : seen) {
      if (!example.anchor().plus(horizon).isAfter(validationFrom)) {
        training.add(example);
      } else if (!example.anchor().isBefore(validationFrom)) {
        validation.add(example);
      }
    }
    int purged = embargoed + seen.size() - training.size() - validation.size();
    requirePositive(training, examples.source(), "training part (before " + validationFrom + ")");
    requirePositive(validation, examples.source(), "validation part (" + validationFrom + " to "
        + until + ")");
    return new FailureSplit(examples.source(), training, validation, validationFrom, until,
        purged);
  }

  /**
   * The default end of training: the anchor time before which {@code 1 - TEST_SHARE} of the
   * source's positive examples lie, so the test part holds about the last quarter of them.
   */
  public static Instant defaultUntil(FailureExamples examples) {
    return positiveQuantile(examples.examples(), 1 - TEST_SHARE, examples.source(),
        "in the data");
  }

  /** The test part: the examples anchored at or after {@code testFrom}. */
  public static List<FailureExample> test(FailureExamples examples, Instant testFrom) {
    return examples.examples().stream().filter(e -> !e.anchor().isBefore(testFrom)).toList();
  }

  /** The anchor time of the positive at quantile {@code q} of the positives, by time. */
  private static Instant positiveQuantile(List<FailureExample> examples, double q, String source,
      String where) {
    List<Instant> anchors = examples.stream().filter(FailureExample::label)
        .map(FailureExample::anchor).sorted().toList();
    if (anchors.size() < 2) {
      throw new IllegalArgumentException(source + ": " + anchors.size() + " positive examples "
          + where + ", too few to split by time (the data ends too early, or the date is too"
          + " early?)");
    }
    return anchors.get(Math.min(anchors.size() - 1, (int) Math.floor(q * anchors.size())));
  }

  private static void requirePositive(List<FailureExample> part, String source, String name) {
    if (part.stream().noneMatch(FailureExample::label)) {
      throw new IllegalArgumentException(source + ": the " + name + " holds no failure within"
          + " the horizon; choose a later --until or a shorter horizon");
    }
  }
}
