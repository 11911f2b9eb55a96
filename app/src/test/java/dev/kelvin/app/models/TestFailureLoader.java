package dev.kelvin.app.models;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import dev.kelvin.predictor.serve.ModelLoader;
import dev.kelvin.predictor.serve.ServedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A failure-model loader for tests only, standing in for the real one: a small XGBoost model
 * over four features of a node's window (latest power, mean and peak CPU temperature,
 * utilisation), served as the real loaders serve, one batch per snapshot, a node whose
 * features are unknown (stale, or no CPU temperature) left out, a missing utilisation left
 * out of its example rather than sent as 0.
 */
public final class TestFailureLoader implements ModelLoader {
  public static final FeatureSet FEATURES = new FeatureSet("test-node-window", List.of(
      "power_w", "cpu_temp_mean_c", "cpu_temp_max_c", "cpu_util"));
  static final Duration HORIZON = Duration.ofMinutes(30);
  private static final LabelFactory LABELS = new LabelFactory();

  @Override
  public ModelKind kind() {
    return ModelKind.FAILURE;
  }

  @Override
  public ServedModel load(ModelFile file) {
    file.requireKind(ModelKind.FAILURE).requireFeatures(FEATURES);
    Model<Label> model = file.as(Label.class);
    return new ServedModel() {
      @Override
      public ModelFile file() {
        return file;
      }

      @Override
      public List<Prediction> predict(ClusterSnapshot snapshot) {
        return TestFailureLoader.predict(model, file.version(), snapshot);
      }
    };
  }

  /** Trains the model on synthetic nodes (hot ones fail) and writes it to {@code path}. */
  public static ModelFile write(Path path, Instant trainedUntil) {
    return write(path, trainedUntil, FEATURES);
  }

  /** As {@link #write(Path, Instant)}, claiming {@code features} in its meta. */
  public static ModelFile write(Path path, Instant trainedUntil, FeatureSet features) {
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("synthetic test nodes", LABELS), LABELS);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 400; i++) {
      double max = 40 + random.nextDouble(50);
      double[] values = {150 + random.nextDouble(250), max - random.nextDouble(10), max,
          random.nextDouble()};
      data.add(new ArrayExample<>(new Label(max > 80 ? "fail" : "ok"),
          FEATURES.names().toArray(String[]::new), values));
    }
    return ModelFile.write(path, new XGBoostClassificationTrainer(20).train(data),
        new ModelMeta(ModelKind.FAILURE, features, "xgboost", "synthetic", "0".repeat(64),
            trainedUntil.minus(Duration.ofDays(30)), trainedUntil,
            Map.of("horizon", HORIZON.toString())));
  }

  private static List<Prediction> predict(Model<Label> model, String version,
      ClusterSnapshot snapshot) {
    List<NodeView> known = new ArrayList<>();
    List<Example<Label>> examples = new ArrayList<>();
    for (NodeView view : snapshot.views()) {
      Example<Label> example = view.stale() ? null : example(view);
      if (example != null) {
        known.add(view);
        examples.add(example);
      }
    }
    List<org.tribuo.Prediction<Label>> scored = model.predict(examples);
    List<Prediction> risks = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      double p = scored.get(i).getOutputScores().get("fail").getScore();
      risks.add(new FailureRisk(known.get(i).id(), Math.min(1, Math.max(0, p)), HORIZON,
          version));
    }
    return risks;
  }

  private static Example<Label> example(NodeView view) {
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (NodeReading reading : view.window()) {
      var temp = reading.cpuTempCelsius();
      if (temp.isPresent()) {
        sum += temp.getAsDouble();
        max = Math.max(max, temp.getAsDouble());
        n++;
      }
    }
    var power = view.latest().powerWatts();
    if (n == 0 || power.isEmpty()) {
      return null;
    }
    var util = view.latest().cpuUtilRatio();
    String[] names = FEATURES.names().subList(0, util.isPresent() ? 4 : 3)
        .toArray(String[]::new);
    double[] values = util.isPresent()
        ? new double[] {power.getAsDouble(), sum / n, max, util.getAsDouble()}
        : new double[] {power.getAsDouble(), sum / n, max};
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values);
  }
}
