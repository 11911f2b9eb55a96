package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.model.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Feature values as Tribuo examples, the one encoding for training, evaluation and serving. A
 * Tribuo example holds no NaN: an unknown value is left out, so XGBoost treats it as missing,
 * and a {@code <name>_missing} feature of 1 is added, so a CART tree (which reads a left-out
 * feature as 0) can tell "unknown" from 0. The model file records {@link #NAME}.
 */
final class FailureEncoding {
  static final String NAME = "nan-left-out-with-missing-indicator";
  static final String FAIL = "fail";
  static final String OK = "ok";
  static final Label FAIL_LABEL = new Label(FAIL);
  static final Label OK_LABEL = new Label(OK);
  static final String MISSING_SUFFIX = "_missing";

  private final FeatureSet features;
  private final String[] names;
  private final String[] missingNames;

  FailureEncoding(FeatureSet features) {
    this.features = features;
    names = features.names().toArray(new String[0]);
    missingNames = features.names().stream().map(n -> n + MISSING_SUFFIX)
        .toArray(String[]::new);
  }

  FeatureSet features() {
    return features;
  }

  /** A training example of {@code values} with {@code label} and {@code weight}. */
  Example<Label> labelled(double[] values, boolean label, float weight) {
    ArrayExample<Label> example = example(values, label ? FAIL_LABEL : OK_LABEL);
    example.setWeight(weight);
    return example;
  }

  /** An example to predict for. */
  Example<Label> unlabelled(double[] values) {
    return example(values, LabelFactory.UNKNOWN_LABEL);
  }

  List<Example<Label>> unlabelled(List<double[]> rows) {
    List<Example<Label>> examples = new ArrayList<>(rows.size());
    for (double[] row : rows) {
      examples.add(unlabelled(row));
    }
    return examples;
  }

  private ArrayExample<Label> example(double[] values, Label output) {
    if (values.length != names.length) {
      throw new IllegalArgumentException(values.length + " feature values, the model reads "
          + names.length + " (" + String.join(", ", names) + ")");
    }
    String[] present = new String[values.length];
    double[] shown = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      boolean missing = Double.isNaN(values[i]);
      present[i] = missing ? missingNames[i] : names[i];
      shown[i] = missing ? 1 : values[i];
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException("feature " + names[i] + " is " + values[i]
            + " (a division by zero upstream?)");
      }
    }
    return new ArrayExample<>(output, present, shown);
  }
}
