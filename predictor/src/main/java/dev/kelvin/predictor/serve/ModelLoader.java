package dev.kelvin.predictor.serve;

import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;

/** Turns a model file of one kind into a {@link ServedModel}. */
public interface ModelLoader {
  ModelKind kind();

  /**
   * A served model of {@code file}.
   *
   * @throws ModelFileException when the file is of another kind, or its feature set is not the
   *     one this Kelvin computes (the message names both)
   */
  ServedModel load(ModelFile file);

  /**
   * This loader, its models reading their history at start through {@code backfill}; a loader
   * whose models need no history (or cannot read it back yet) returns itself.
   */
  default ModelLoader withHistory(HistoryBackfill backfill) {
    return this;
  }
}
