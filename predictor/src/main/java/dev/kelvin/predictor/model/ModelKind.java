package dev.kelvin.predictor.model;

import java.util.Locale;

/** What a model file predicts: the {@code kind} of {@code kelvin train KIND}. */
public enum ModelKind {
  /** The probability that a node fails within a horizon. */
  FAILURE,
  /** Power and utilisation of a node or a site, and queue demand, some horizons ahead. */
  LOAD,
  /** How unusual a node's recent behaviour is. */
  ANOMALY;

  /** The name on the command line and in model files: {@code failure}, {@code load}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code text}, or a message that lists the kinds. */
  public static ModelKind parse(String text) {
    for (ModelKind kind : values()) {
      if (kind.wireName().equals(text)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown model kind '" + text
        + "': expected failure, load or anomaly");
  }
}
