package dev.kelvin.predictor.serve;

import dev.kelvin.predictor.features.SnapshotFeatures;
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

  /**
   * As {@link #standard()}, load forecasts reading the time of day in {@code zone}. The failure
   * and anomaly loaders share one {@link SnapshotFeatures}: their models read the same node
   * features, computed once per snapshot.
   */
  public static List<ModelLoader> standard(ZoneId zone) {
    SnapshotFeatures nodeFeatures = new SnapshotFeatures();
    return List.of(new FailureModelLoader(nodeFeatures), new AnomalyModelLoader(nodeFeatures),
        new LoadModelLoader(zone));
  }
}
