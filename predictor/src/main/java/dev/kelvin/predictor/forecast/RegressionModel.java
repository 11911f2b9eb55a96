package dev.kelvin.predictor.forecast;

import dev.kelvin.predictor.features.PowerFeatureVector;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * A trained Tribuo regression of the change of power over the horizon, and its version.
 * Thread-safe: Tribuo's tree and linear models are not changed by prediction.
 */
final class RegressionModel {
  private final Model<Regressor> model;
  private final String version;

  RegressionModel(Model<Regressor> model, String version) {
    this.model = Objects.requireNonNull(model, "model");
    this.version = Objects.requireNonNull(version, "version");
  }

  String version() {
    return version;
  }

  /** The forecast power, W, before clamping: latest power plus the predicted change. */
  double forecastWatts(PowerFeatureVector features) {
    double change = model.predict(TribuoRegression.example(features, Double.NaN))
        .getOutput().getValues()[0];
    return features.powerWatts() + change;
  }
}
