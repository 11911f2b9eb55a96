package dev.kelvin.predictor.serve;

import dev.kelvin.predictor.model.ModelKind;
import java.time.Instant;
import java.util.Objects;

/**
 * The model serving one kind now.
 *
 * @param kind what it predicts
 * @param model the loaded model, with its file's version and provenance
 * @param source the folder's role it came from: {@code models_dir} or {@code shipped}
 * @param since when it was loaded
 * @param fileRemoved whether its file has since been removed: it serves until another file of
 *     its kind is usable, or until a restart, which would not load it again
 */
public record ActiveModel(ModelKind kind, ServedModel model, String source, Instant since,
    boolean fileRemoved) {
  public ActiveModel {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(since, "since");
  }

  /** Like {@code failure-1a2b3c4d}. */
  public String version() {
    return model.file().version();
  }
}
