package dev.kelvin.predictor.forecast;

/**
 * The regression a power forecaster is trained with. Both predict the change of power over
 * the horizon from the same features; the measured comparison that made {@link #CART} the
 * default is in {@link PowerForecastTrainer}'s documentation.
 */
public enum ForecastAlgorithm {
  /**
   * A CART regression tree (Tribuo {@code CARTRegressionTrainer}) of depth at most 3, on
   * features binned into 64 equal-frequency bins.
   */
  CART("cart"),
  /**
   * A linear model fitted by stochastic gradient descent on standardised features (Tribuo
   * {@code LinearSGDTrainer}, squared loss, AdaGrad).
   */
  LINEAR_SGD("sgd");

  private final String shortName;

  ForecastAlgorithm(String shortName) {
    this.shortName = shortName;
  }

  /** The name in model versions, e.g. {@code cart} in {@code power-cart-1a2b3c4d}. */
  public String shortName() {
    return shortName;
  }
}
