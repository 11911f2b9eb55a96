package dev.kelvin.predictor.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What Kelvin records beside a Tribuo model in a model file: what it predicts, the features it
 * reads, the data it was trained on and the time range of that data, and the settings that
 * are decided after training (a calibration, a threshold, a horizon).
 *
 * @param kind what the model predicts
 * @param features the feature set, in the order the model reads it
 * @param algorithm the trainer's short name, like {@code xgboost} or {@code trees}
 * @param data the training data's file or folder names, as given to {@code kelvin train}
 * @param dataSha256 a SHA-256 over the training data's bytes, 64 hex digits
 * @param trainedFrom the earliest time in the training data
 * @param trainedUntil the end of the training data: nothing at or after it was seen
 * @param settings kind-specific settings, like {@code horizon=PT30M} or a calibration
 */
public record ModelMeta(ModelKind kind, FeatureSet features, String algorithm, String data,
    String dataSha256, Instant trainedFrom, Instant trainedUntil, Map<String, String> settings) {
  public ModelMeta {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(dataSha256, "dataSha256");
    Objects.requireNonNull(trainedFrom, "trainedFrom");
    Objects.requireNonNull(trainedUntil, "trainedUntil");
    settings = Map.copyOf(settings);
    if (!dataSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("dataSha256 must be 64 lower-case hex digits, was '"
          + dataSha256 + "'");
    }
    if (trainedUntil.isBefore(trainedFrom)) {
      throw new IllegalArgumentException("trainedUntil " + trainedUntil
          + " is before trainedFrom " + trainedFrom);
    }
  }

  /** The setting {@code key}, or an error naming the key and the model's settings. */
  public String setting(String key) {
    String value = settings.get(key);
    if (value == null) {
      throw new IllegalArgumentException("the " + kind.wireName() + " model has no setting '"
          + key + "'; it has " + new TreeMap<>(settings).keySet());
    }
    return value;
  }
}
