package dev.kelvin.predictor.failure;

import java.util.List;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.BinningTransformation;

/**
 * The two learners the failure trainer compares; it keeps the better on validation PR-AUC.
 *
 * <p>Speed decided two settings, measured on the LANL log (150,000 training examples, 509,000
 * validation, a 2-vCPU VM shared with other builds): Tribuo's exact CART tries every distinct
 * value of a feature as a split, so 20 trees took 58 s, against 8 s with each feature first cut
 * into {@value #BINS} equal-frequency bins (validation PR-AUC 0.061 exact, 0.058 binned); extra
 * trees (random split points) took 215 s. XGBoost took 82 s with exact splits and 43 s with
 * histograms, at the same PR-AUC (0.062).
 */
public enum FailureAlgorithm {
  /**
   * A random forest of CART trees (Gini impurity, half the features tried at each split,
   * bootstrap samples) on binned features, whose probability is the mean of the trees' leaf
   * distributions.
   */
  TREES("trees"),
  /** Gradient-boosted trees (XGBoost, logistic loss, histogram splits). */
  XGBOOST("xgboost");

  static final int BINS = 32;
  private final String shortName;

  FailureAlgorithm(String shortName) {
    this.shortName = shortName;
  }

  /** The name in model files and reports. */
  public String shortName() {
    return shortName;
  }

  Trainer<Label> trainer(FailureTrainer.Settings settings) {
    if (this == TREES) {
      CARTClassificationTrainer cart = new CARTClassificationTrainer(settings.forestDepth(), 5f,
          0f, 0.5f, false, new GiniIndex(), settings.seed());
      return new TransformTrainer<>(new RandomForestTrainer<>(cart,
          new FullyWeightedVotingCombiner(), settings.forestTrees(), settings.seed()),
          new TransformationMap(List.of(BinningTransformation.equalFrequency(BINS))));
    }
    // rounds, eta, gamma, depth, min child weight, row and column subsample, L2, L1, threads
    return new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
        XGBoostTrainer.TreeMethod.HIST, settings.boostRounds(), 0.1, 0, settings.boostDepth(),
        5, 0.8, 1.0, 1, 0, Math.max(1, Runtime.getRuntime().availableProcessors()),
        XGBoostTrainer.LoggingVerbosity.SILENT, settings.seed());
  }
}
