package dev.kelvin.predictor.forecast;

/**
 * Where the readings of a training history went. Every reading that could anchor an example
 * and did not is counted under the reason it did not.
 *
 * @param readings readings in the history
 * @param duplicateReadings readings dropped because their node already had one at that instant
 * @param nodes distinct nodes in the history
 * @param tooShort anchors whose feature window reached back too little
 * @param missingMetric anchors whose window lacked a metric a feature needs
 * @param unlabelled anchors with no power reading one horizon later (give or take one sample
 *     interval), such as the last horizon of the history
 * @param purged training examples dropped because their label lies in the held-out period,
 *     which would leak the future into training
 * @param training examples the model was trained on
 * @param test held-out examples the model and the baseline were evaluated on
 */
public record ExampleCounts(int readings, int duplicateReadings, int nodes, int tooShort,
    int missingMetric, int unlabelled, int purged, int training, int test) {
  public ExampleCounts {
    int[] counts = {readings, duplicateReadings, nodes, tooShort, missingMetric, unlabelled,
        purged, training, test};
    for (int count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("example counts must be >= 0, were "
            + java.util.Arrays.toString(counts));
      }
    }
  }
}
