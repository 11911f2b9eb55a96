package dev.kelvin.predictor.failure;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;

/** The two learners the failure trainer compares; it keeps the better on validation PR-AUC. */
public enum FailureAlgorithm {
  /**
   * A random forest of CART trees (Gini impurity, half the features tried at each split,
   * bootstrap samples), whose probability is the mean of the trees' leaf distributions.
   */
  TREES("trees"),
  /** Gradient-boosted trees (XGBoost, logistic loss). */
  XGBOOST("xgboost");

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
      return new RandomForestTrainer<>(cart, new FullyWeightedVotingCombiner(),
          settings.forestTrees(), settings.seed());
    }
    // rounds, eta, gamma, depth, min child weight, row and column subsample, L2, L1, threads
    return new XGBoostClassificationTrainer(settings.boostRounds(), 0.1, 0,
        settings.boostDepth(), 5, 0.8, 1.0, 1, 0,
        Math.max(1, Runtime.getRuntime().availableProcessors()), true, settings.seed());
  }
}
