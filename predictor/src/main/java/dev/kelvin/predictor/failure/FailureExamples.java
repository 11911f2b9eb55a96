package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.model.FeatureSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The labelled examples of one data source (one data set: a failure log with its systems, or
 * one recording of simulated telemetry), sorted by anchor time.
 *
 * @param source the source's name, like {@code lanl}; splits are made per source, on one
 *     calendar for all of its systems
 * @param features the features of every example, in order
 * @param horizon how far after the anchor a failure makes the label positive
 * @param examples the examples, anchor times ascending
 * @param data the files they were read from, for the model file's provenance
 */
public record FailureExamples(String source, FeatureSet features, Duration horizon,
    List<FailureExample> examples, DataFiles data) {
  public FailureExamples {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(data, "data");
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be > 0, was " + horizon);
    }
    examples = List.copyOf(examples);
    int width = features.names().size();
    for (int i = 0; i < examples.size(); i++) {
      FailureExample example = examples.get(i);
      if (example.features().length != width) {
        throw new IllegalArgumentException("example " + i + " of " + source + " has "
            + example.features().length + " features, the feature set " + features.id()
            + " has " + width);
      }
      if (i > 0 && example.anchor().isBefore(examples.get(i - 1).anchor())) {
        throw new IllegalArgumentException("examples of " + source + " are not sorted by anchor"
            + " time: " + example.anchor() + " after " + examples.get(i - 1).anchor());
      }
    }
  }

  /** How many examples are positive. */
  public long positives() {
    return examples.stream().filter(FailureExample::label).count();
  }
}
