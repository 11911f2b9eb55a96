package dev.kelvin.predictor.load;

import java.util.Objects;

/**
 * What a load model forecasts from: the features at an anchor, the anchor's own value and the
 * series' scale there. The model predicts each horizon's change from {@code last} in units of
 * {@code scale}, so a model that learned nothing forecasts {@code last}: persistence.
 *
 * @param features as {@link LoadFeatures#compute} wrote them, NaN where unknown
 * @param last the anchor's value, known
 * @param scale the series' scale at the anchor, positive
 */
public record LoadAnchor(double[] features, double last, double scale) {
  public LoadAnchor {
    Objects.requireNonNull(features, "features");
    if (Double.isNaN(last) || !(scale > 0)) {
      throw new IllegalArgumentException("an anchor needs a known last value and a positive"
          + " scale, had last " + last + " and scale " + scale);
    }
  }

  /** The anchor of a series at {@code history}, or null when its last value is unknown. */
  static LoadAnchor at(Lookback history, java.time.Instant madeAt, java.time.ZoneId zone,
      LoadHorizons horizons, int featureCount) {
    double[] features = new double[featureCount];
    if (!LoadFeatures.compute(history, madeAt, zone, horizons, features)) {
      return null;
    }
    return new LoadAnchor(features, history.back(0), LoadFeatures.scale(history));
  }

  /** The training target of {@code future} at this anchor: its change, scaled. */
  double target(double future) {
    return (future - last) / scale;
  }

  /** The forecast level of a predicted scaled change, never below 0. */
  double level(double change) {
    return Math.max(0, last + change * scale);
  }
}
