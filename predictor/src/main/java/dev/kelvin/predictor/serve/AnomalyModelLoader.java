package dev.kelvin.predictor.serve;

import dev.kelvin.core.prediction.Anomaly;
import dev.kelvin.predictor.anomaly.AnomalyModel;
import dev.kelvin.predictor.features.SnapshotFeatures;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import java.util.Objects;

/**
 * Serves anomaly models ({@link AnomalyModel}): every tick, every node's {@code node-failure}
 * features from the snapshot (through
 * {@link dev.kelvin.predictor.features.NodeFeatureTracker}, as for the failure model), the
 * kept method's scores for all nodes with features at once (they are each other's peers), and
 * an {@link Anomaly} per node, 0-1, with the model's version. A node without features gets
 * none.
 */
public final class AnomalyModelLoader implements ModelLoader {
  private final SnapshotFeatures features;

  /** A loader whose models compute their features on their own. */
  public AnomalyModelLoader() {
    this(new SnapshotFeatures());
  }

  /**
   * A loader whose models read their features from {@code features}, shared with the other
   * loaders of {@code node-failure} models ({@link ModelLoaders#standard()}).
   */
  public AnomalyModelLoader(SnapshotFeatures features) {
    this.features = Objects.requireNonNull(features, "features");
  }

  /**
   * This loader, its models' node features (shared with the other loaders of these features)
   * reading each new node's memory error counters back through {@code backfill}.
   */
  @Override
  public ModelLoader withHistory(HistoryBackfill backfill) {
    return new AnomalyModelLoader(features.withHistory(backfill));
  }

  @Override
  public ModelKind kind() {
    return ModelKind.ANOMALY;
  }

  /**
   * @throws dev.kelvin.predictor.model.ModelFileException when the file is not an anomaly
   *     model of feature set {@code node-failure}, or its settings are garbled
   */
  @Override
  public ServedModel load(ModelFile file) {
    AnomalyModel model = AnomalyModel.of(file);
    return new TrackedNodeModel(file, model::scores,
        (node, score, version) -> new Anomaly(node, score, version), features);
  }
}
