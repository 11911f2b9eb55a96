package dev.kelvin.predictor.load;

import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.serve.ModelLoader;
import dev.kelvin.predictor.serve.ServedModel;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Serves load model files: checks each ({@link LoadModel#of}) and serves it on a fresh
 * history per node and site ({@link LoadServedModel}), read back at start from the history
 * source of its {@link HistoryBackfill} when it has one.
 */
public final class LoadModelLoader implements ModelLoader {
  private final ZoneId zone;
  private final HistoryBackfill backfill;

  /** A loader whose models read the time of day on the clock of {@code zone} (the site's). */
  public LoadModelLoader(ZoneId zone) {
    this(zone, HistoryBackfill.none());
  }

  /** As {@link #LoadModelLoader(ZoneId)}, each model's histories read back by {@code backfill}. */
  public LoadModelLoader(ZoneId zone, HistoryBackfill backfill) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.backfill = Objects.requireNonNull(backfill, "backfill");
  }

  @Override
  public ModelLoader withHistory(HistoryBackfill history) {
    return new LoadModelLoader(zone, history);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.LOAD;
  }

  @Override
  public ServedModel load(ModelFile file) {
    return new LoadServedModel(file, LoadModel.of(file), zone, backfill);
  }
}
