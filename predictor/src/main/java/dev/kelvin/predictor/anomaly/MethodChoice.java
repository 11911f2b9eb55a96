package dev.kelvin.predictor.anomaly;

import java.util.Locale;

/** Who chose the anomaly method a model keeps: the operator ({@code --method}) or validation. */
public enum MethodChoice {
  /** Named by the operator; validation still measured both methods. */
  OPERATOR,
  /** The method with the higher ROC-AUC on the validation ticks. */
  VALIDATION;

  /** The name in model files: {@code operator}, {@code validation}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The choice named {@code text}; a file written before the choice was recorded (no setting)
   * kept its method on validation.
   */
  static MethodChoice parse(String text) {
    if (text == null) {
      return VALIDATION;
    }
    for (MethodChoice choice : values()) {
      if (choice.wireName().equals(text)) {
        return choice;
      }
    }
    throw new IllegalArgumentException("method_chosen_by '" + text
        + "' is neither operator nor validation");
  }
}
