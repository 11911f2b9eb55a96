package dev.kelvin.predictor.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A split of time-ordered examples into an earlier training part and a later test part. All
 * examples anchored at the same instant fall on the same side, so no test example precedes a
 * training example. A training example whose label lies at or after the split is purged: its
 * label is part of the future the test judges.
 *
 * @param training the examples anchored before {@code splitAt} with labels before it too
 * @param test the examples anchored at or after {@code splitAt}
 * @param purged the number of training examples dropped for a label at or after the split
 * @param splitAt the anchor time of the first test example
 */
record TimeSplit(List<LabelledExample> training, List<LabelledExample> test, int purged,
    Instant splitAt) {

  /**
   * Splits {@code examples}, sorted by anchor time, holding out about {@code testFraction} of
   * them, the latest.
   *
   * @throws IllegalArgumentException when either side would be empty
   */
  static TimeSplit of(List<LabelledExample> examples, double testFraction) {
    int n = examples.size();
    int cut = (int) Math.ceil(n * (1 - testFraction));
    while (cut > 0 && cut < n
        && examples.get(cut).at().equals(examples.get(cut - 1).at())) {
      cut++;
    }
    if (cut <= 0 || cut >= n) {
      throw new IllegalArgumentException("cannot hold out " + testFraction + " of " + n
          + " labelled examples by time: need examples at more than one instant");
    }
    Instant splitAt = examples.get(cut).at();
    List<LabelledExample> training = new ArrayList<>(cut);
    for (LabelledExample example : examples.subList(0, cut)) {
      if (example.labelAt().isBefore(splitAt)) {
        training.add(example);
      }
    }
    return new TimeSplit(List.copyOf(training), List.copyOf(examples.subList(cut, n)),
        cut - training.size(), splitAt);
  }
}
