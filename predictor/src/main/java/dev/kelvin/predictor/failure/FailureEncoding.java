package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.model.FeatureSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.Output;
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
  /**
   * Every name an example may carry (each feature's and its missing indicator's) in the order
   * Tribuo sorts an example's features by, each as the index of its feature, or {@code -1 - i}
   * for feature i's indicator: an example is built in that order, so Tribuo has nothing to sort.
   */
  private final int[] sortedSlots;

  FailureEncoding(FeatureSet features) {
    this.features = features;
    names = features.names().toArray(new String[0]);
    missingNames = features.names().stream().map(n -> n + MISSING_SUFFIX)
        .toArray(String[]::new);
    sortedSlots = IntStream.range(-names.length, names.length).boxed()
        .sorted(Comparator.comparing(this::nameOfSlot)).mapToInt(Integer::intValue).toArray();
  }

  private String nameOfSlot(int slot) {
    return slot >= 0 ? names[slot] : missingNames[-1 - slot];
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

  /**
   * The example of {@code values}: the features that are known and the missing indicators of
   * those that are not, in name order, as {@code new ArrayExample<>(output, names, values)}
   * sorts them (a test holds the two equal).
   */
  private ArrayExample<Label> example(double[] values, Label output) {
    if (values.length != names.length) {
      throw new IllegalArgumentException(values.length + " feature values, the model reads "
          + names.length + " (" + String.join(", ", names) + ")");
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException("feature " + names[i] + " is " + values[i]
            + " (a division by zero upstream?)");
      }
    }
    InOrderExample<Label> example = new InOrderExample<>(output, values.length);
    for (int slot : sortedSlots) {
      if (slot >= 0 && !Double.isNaN(values[slot])) {
        example.append(names[slot], values[slot]);
      } else if (slot < 0 && Double.isNaN(values[-1 - slot])) {
        example.append(missingNames[-1 - slot], 1);
      }
    }
    return example;
  }

  /** An example whose features are given already in name order, so none is sorted. */
  private static final class InOrderExample<T extends Output<T>> extends ArrayExample<T> {
    private static final long serialVersionUID = 1L;

    InOrderExample(T output, int capacity) {
      super(output, Example.DEFAULT_WEIGHT, capacity);
    }

    /** Adds a feature after those added, whose name must sort after theirs. */
    void append(String name, double value) {
      featureNames[size] = name;
      featureValues[size] = value;
      size++;
    }
  }
}
