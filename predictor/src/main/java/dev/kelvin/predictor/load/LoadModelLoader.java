package dev.kelvin.predictor.load;

import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.serve.ModelLoader;
import dev.kelvin.predictor.serve.ServedModel;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Serves load model files: checks each ({@link LoadModel#of}) and serves it on a fresh
 * history per node and site ({@link LoadServedModel}).
 */
public final class LoadModelLoader implements ModelLoader {
  private final ZoneId zone;

  /** A loader whose models read the time of day on the clock of {@code zone} (the site's). */
  public LoadModelLoader(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public ModelKind kind() {
    return ModelKind.LOAD;
  }

  @Override
  public ServedModel load(ModelFile file) {
    return new LoadServedModel(file, LoadModel.of(file), zone);
  }
}
