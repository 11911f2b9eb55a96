package dev.kelvin.predictor.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tribuo.Dataset;
import org.tribuo.VariableInfo;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.BinningTransformation;

/**
 * The regressions compared on validation, one output dimension (one booster or tree) per horizon.
 * XGBoost minimises the pseudo-Huber loss with a slope of {@value #HUBER_SLOPE} (in units of the
 * series' scale): nearly the absolute error that MASE measures, so a series that mostly holds
 * still and sometimes jumps is forecast near its median change, not pulled toward the rare jumps
 * as squared error would pull it; its starting prediction is a change of 0, persistence. On
 * validation of the reference traces this beat squared error at every horizon (PlanetLab mean MASE
 * 0.80-0.97 against 0.91-1.09). XGBoost takes a missing feature as missing and learns where it
 * goes. CART takes an absent feature as 0, which here would read as "no load", so it is given a
 * {@code NAME_missing} indicator for each missing feature and sees each feature (not the
 * indicators, nor a feature seen in fewer than 128 examples) through 64 equal-frequency bins
 * (Tribuo's exact CART tries every distinct value as a split, quadratic in the examples; the power
 * forecaster found binning as good and a hundred times faster).
 */
public enum LoadAlgorithm {
  /** Boosted trees: 200 of depth 6, learning rate 0.1, 80 % row and column samples. */
  XGBOOST(false),
  /** One regression tree per horizon, depth 8, at least 50 examples per leaf. */
  CART(true);

  static final int XGBOOST_TREES = 200;
  static final double HUBER_SLOPE = 0.1;
  /**
   * One thread, fixed, so that the same data gives the same model (and version) on every
   * machine; and on a machine whose cores are busy, XGBoost's OpenMP threads spin waiting for
   * each other: on 3,000 examples one thread fitted in 1.8 s what two fitted in 11 s.
   */
  static final int THREADS = 1;
  static final int XGBOOST_DEPTH = 6;
  static final int CART_DEPTH = 8;
  static final int CART_BINS = 64;

  private final boolean missingIndicators;

  LoadAlgorithm(boolean missingIndicators) {
    this.missingIndicators = missingIndicators;
  }

  /** Whether its examples carry a {@code NAME_missing} indicator for each missing feature. */
  public boolean missingIndicators() {
    return missingIndicators;
  }

  /** The name in model files and reports: {@code xgboost} or {@code cart}. */
  public String shortName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The algorithm a model file names, or a message that lists them. */
  public static LoadAlgorithm parse(String text) {
    for (LoadAlgorithm algorithm : values()) {
      if (algorithm.shortName().equals(text)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException("unknown load algorithm '" + text
        + "': expected xgboost or cart");
  }

  /** The trainer for {@code dataset}, whose features decide which of them CART bins. */
  Trainer<Regressor> trainer(long seed, Dataset<Regressor> dataset) {
    if (this == XGBOOST) {
      Map<String, Object> parameters = new TreeMap<>();
      parameters.put("objective", "reg:pseudohubererror");
      parameters.put("booster", "gbtree");
      parameters.put("base_score", 0.0);
      parameters.put("tree_method", "hist");
      parameters.put("eta", 0.1);
      parameters.put("max_depth", XGBOOST_DEPTH);
      parameters.put("min_child_weight", 1.0);
      parameters.put("subsample", 0.8);
      parameters.put("colsample_bytree", 0.8);
      parameters.put("huber_slope", HUBER_SLOPE);
      parameters.put("nthread", THREADS);
      parameters.put("verbosity", 0);
      parameters.put("seed", seed);
      return new XGBoostRegressionTrainer(RegressionType.PSEUDOHUBER, XGBOOST_TREES, parameters);
    }
    CARTRegressionTrainer cart = new CARTRegressionTrainer(CART_DEPTH, 50f, 0f, 1f, false,
        new MeanSquaredError(), seed);
    Map<String, List<Transformation>> binned = new TreeMap<>();
    for (VariableInfo feature : dataset.getFeatureMap()) {
      if (!feature.getName().endsWith("_missing") && feature.getCount() >= 2 * CART_BINS) {
        binned.put(Pattern.quote(feature.getName()),
            List.of(BinningTransformation.equalFrequency(CART_BINS)));
      }
    }
    return new TransformTrainer<>(cart, new TransformationMap(binned));
  }
}
