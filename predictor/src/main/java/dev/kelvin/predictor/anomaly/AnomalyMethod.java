package dev.kelvin.predictor.anomaly;

import java.util.Locale;

/** The two detectors compared: robust z-scores against peers, and a one-class SVM. */
public enum AnomalyMethod {
  /** {@link PeerZScores}. */
  PEER_ZSCORE,
  /** {@link OneClassSvm}. */
  ONE_CLASS_SVM;

  /** The name in model files and reports: {@code peer_zscore}, {@code one_class_svm}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The method named {@code text}, or a message that lists them. */
  public static AnomalyMethod parse(String text) {
    for (AnomalyMethod method : values()) {
      if (method.wireName().equals(text)) {
        return method;
      }
    }
    throw new IllegalArgumentException("unknown anomaly method '" + text + "': expected one of "
        + wireNames());
  }

  /** The methods' names, as {@code peer_zscore, one_class_svm}. */
  public static String wireNames() {
    StringBuilder names = new StringBuilder();
    for (AnomalyMethod method : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(method.wireName());
    }
    return names.toString();
  }
}
