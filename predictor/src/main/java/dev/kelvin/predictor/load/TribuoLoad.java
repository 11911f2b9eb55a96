package dev.kelvin.predictor.load;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Where load anchors become Tribuo examples: one output dimension per horizon, named
 * {@code change_KEY}; a missing (NaN) feature is left out of the example, never written as 0.
 */
final class TribuoLoad {
  static final String OUTPUT_PREFIX = "change_";

  private TribuoLoad() {}

  /** The output dimension names of {@code horizons}, shortest first. */
  static String[] outputs(LoadHorizons horizons) {
    return horizons.keys().stream().map(key -> OUTPUT_PREFIX + key).toArray(String[]::new);
  }

  /**
   * The example of {@code anchor}; {@code targets} are the scaled changes per horizon, or null
   * when predicting.
   */
  static Example<Regressor> example(LoadAnchor anchor, List<String> names, String[] outputs,
      double[] targets, boolean missingIndicators) {
    Regressor output = targets == null ? RegressionFactory.UNKNOWN_REGRESSOR
        : new Regressor(outputs, targets);
    double[] features = anchor.features();
    List<String> present = new ArrayList<>(features.length * 2);
    List<Double> values = new ArrayList<>(features.length * 2);
    for (int i = 0; i < features.length; i++) {
      if (!Double.isNaN(features[i])) {
        present.add(names.get(i));
        values.add(features[i]);
      } else if (missingIndicators) {
        present.add(names.get(i) + "_missing");
        values.add(1.0);
      }
    }
    double[] array = new double[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return new ArrayExample<>(output, present.toArray(String[]::new), array);
  }
}
