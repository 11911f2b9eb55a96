package dev.kelvin.predictor.serve;

import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.predictor.failure.FailureModel;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.features.SnapshotFeatures;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import java.util.Objects;

/**
 * Serves failure models trained on node telemetry (feature set {@code node-failure}): every
 * tick, the features of every node of the snapshot (through
 * {@link dev.kelvin.predictor.features.NodeFeatureTracker}, the code the training data was
 * recorded with, keeping its per-node state from tick to tick), one batched
 * prediction for all nodes with features, the calibration the trainer stored, and a {@link
 * FailureRisk} per node with the model's horizon and version. A node that is stale, lacks the
 * CPU temperature or the memory error counter, or is not yet known long enough gets none.
 */
public final class FailureModelLoader implements ModelLoader {
  private final SnapshotFeatures features;

  /** A loader whose models compute their features on their own. */
  public FailureModelLoader() {
    this(new SnapshotFeatures());
  }

  /**
   * A loader whose models read their features from {@code features}, shared with the other
   * loaders of {@code node-failure} models ({@link ModelLoaders#standard()}).
   */
  public FailureModelLoader(SnapshotFeatures features) {
    this.features = Objects.requireNonNull(features, "features");
  }

  /**
   * This loader, its models' node features (shared with the other loaders of these features)
   * reading each new node's memory error counters back through {@code backfill}.
   */
  @Override
  public ModelLoader withHistory(HistoryBackfill backfill) {
    return new FailureModelLoader(features.withHistory(backfill));
  }

  @Override
  public ModelKind kind() {
    return ModelKind.FAILURE;
  }

  /**
   * @throws dev.kelvin.predictor.model.ModelFileException when the file is not a failure model
   *     of feature set {@code node-failure}, or its settings are garbled
   */
  @Override
  public ServedModel load(ModelFile file) {
    file.requireKind(ModelKind.FAILURE).requireFeatures(NodeTelemetryFeatures.FEATURES);
    FailureModel model = FailureModel.of(file);
    return new TrackedNodeModel(file, model::probabilities, (node, p, version) ->
        p >= 0 && p <= 1 ? new FailureRisk(node, p, model.horizon(), version) : null,
        features);
  }
}
