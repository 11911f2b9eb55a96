package dev.kelvin.predictor.serve;

import dev.kelvin.predictor.load.LoadModelLoader;
import java.time.ZoneId;
import java.util.List;

/**
 * The loader of each model kind this Kelvin serves: the one list every command (the
 * controller, {@code kelvin bench predict}) takes its loaders from. A model file of a kind not
 * here is refused as {@link RefusalReason#NO_LOADER}.
 */
public final class ModelLoaders {
  private ModelLoaders() {}

  /**
   * One loader per kind served. Load forecasts read the time of day in the controller's time
   * zone (the JVM's default), which is the site's where the controller runs at the site.
   */
  public static List<ModelLoader> standard() {
    return standard(ZoneId.systemDefault());
  }

  /** As {@link #standard()}, load forecasts reading the time of day in {@code zone}. */
  public static List<ModelLoader> standard(ZoneId zone) {
    return List.of(new FailureModelLoader(), new AnomalyModelLoader(), new LoadModelLoader(zone));
  }
}
