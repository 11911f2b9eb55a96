package dev.kelvin.predictor.serve;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Anomaly;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.anomaly.AnomalyModel;
import dev.kelvin.predictor.features.NodeFeatureBatch;
import dev.kelvin.predictor.features.NodeFeatureTracker;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves anomaly models ({@link AnomalyModel}): every tick, every node's {@code node-failure}
 * features from the snapshot ({@link NodeFeatureTracker}, as for the failure model), the kept
 * method's scores for all nodes with features at once (they are each other's peers), and an
 * {@link Anomaly} per node, 0-1, with the model's version. A node without features gets none.
 */
public final class AnomalyModelLoader implements ModelLoader {
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
    return new Served(AnomalyModel.of(file));
  }

  /** One anomaly model file with its own feature state. */
  private static final class Served implements ServedModel {
    private final AnomalyModel model;
    private final NodeFeatureTracker tracker = new NodeFeatureTracker();

    Served(AnomalyModel model) {
      this.model = model;
    }

    @Override
    public ModelFile file() {
      return model.file();
    }

    @Override
    public synchronized List<Prediction> predict(ClusterSnapshot snapshot) {
      NodeFeatureBatch batch = tracker.observe(snapshot);
      if (batch.nodes().isEmpty()) {
        return List.of();
      }
      double[] scores = model.scores(batch.values());
      List<Prediction> anomalies = new ArrayList<>(scores.length);
      for (int i = 0; i < scores.length; i++) {
        anomalies.add(new Anomaly(batch.nodes().get(i), scores[i], model.file().version()));
      }
      return anomalies;
    }
  }
}
