package dev.kelvin.predictor.forecast;

import dev.kelvin.predictor.features.PowerFeatureVector;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

/** Tiny Tribuo models with a known behaviour, for testing what wraps them. */
final class TestModels {
  private static final RegressionFactory FACTORY = new RegressionFactory();

  private TestModels() {}

  /** A model that forecasts a change of {@code changeWatts} whatever the features. */
  static RegressionModel constantChange(double changeWatts) {
    MutableDataset<Regressor> dataset = dataset();
    for (int i = 0; i < 10; i++) {
      dataset.add(TribuoRegression.example(
          new PowerFeatureVector(100 + i, 100, 0, 0.5, 0.5, 1), changeWatts));
    }
    return new RegressionModel(new CARTRegressionTrainer(2).train(dataset), "test-constant");
  }

  /** A model trained on a feature the forecaster never sends, so every prediction fails. */
  static RegressionModel trainedOnOtherFeatures() {
    MutableDataset<Regressor> dataset = dataset();
    for (int i = 0; i < 10; i++) {
      dataset.add(new ArrayExample<>(new Regressor(TribuoRegression.OUTPUT_NAME, i),
          new String[] {"fan_speed_rpm"}, new double[] {1000 + i}));
    }
    return new RegressionModel(new CARTRegressionTrainer(2).train(dataset), "test-broken");
  }

  private static MutableDataset<Regressor> dataset() {
    return new MutableDataset<>(new SimpleDataSourceProvenance("test", FACTORY), FACTORY);
  }
}
