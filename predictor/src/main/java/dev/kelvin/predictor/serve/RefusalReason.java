package dev.kelvin.predictor.serve;

import dev.kelvin.predictor.model.ModelFileException;
import java.util.Locale;

/**
 * Why a model file was refused: the {@code reason} label of
 * {@code kelvin_models_refused_total} and of {@code /api/models}.
 */
public enum RefusalReason {
  /** Not a zip, truncated, a corrupt Tribuo model, or meta that cannot be read. */
  UNREADABLE,
  /** Trained with another Tribuo version than this Kelvin runs. */
  TRIBUO_VERSION,
  /** Trained on another feature set than this Kelvin computes for its kind. */
  FEATURE_SET,
  /** Its loader found another kind of model than its meta says, or another output. */
  WRONG_KIND,
  /** This Kelvin has no loader for the model's kind. */
  NO_LOADER,
  /** Larger than a model file can sensibly be: surely something else. */
  TOO_LARGE,
  /** The loader failed on it in another way (a bug, or a native library missing). */
  LOAD_FAILED;

  /** The label on {@code /metrics} and in the API: {@code feature_set}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The reason behind a refusal that {@link dev.kelvin.predictor.model.ModelFile} or a loader
   * made. The model package says why only in its message, so this reads the phrases its checks
   * write ({@code ModelFile.read}, {@code requireFeatures}, {@code requireKind}, {@code as});
   * {@code RefusalReasonTest} pins them.
   */
  static RefusalReason of(ModelFileException refusal) {
    String message = String.valueOf(refusal.getMessage());
    if (message.contains("trained with Tribuo")) {
      return TRIBUO_VERSION;
    }
    if (message.contains("trained on feature set")) {
      return FEATURE_SET;
    }
    if (message.contains(" model, expected a ") || message.contains("does not predict")) {
      return WRONG_KIND;
    }
    return UNREADABLE;
  }
}
