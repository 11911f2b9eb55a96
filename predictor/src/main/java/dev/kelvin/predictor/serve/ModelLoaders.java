package dev.kelvin.predictor.serve;

import java.util.List;

/**
 * The loader of each model kind this Kelvin serves: the one list every command (the
 * controller, {@code kelvin bench predict}) takes its loaders from. A model file of a kind not
 * here is refused as {@link RefusalReason#NO_LOADER}.
 */
public final class ModelLoaders {
  private ModelLoaders() {}

  /** One loader per kind served; each kind's loader is added here as it lands. */
  public static List<ModelLoader> standard() {
    return List.of(new FailureModelLoader(), new AnomalyModelLoader());
  }
}
