package dev.kelvin.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Anomaly;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.predictor.anomaly.AnomalyMethod;
import dev.kelvin.predictor.anomaly.AnomalyModel;
import dev.kelvin.predictor.features.NodeFeatureBatch;
import dev.kelvin.predictor.features.NodeFeatureTracker;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.serve.ActiveModel;
import dev.kelvin.predictor.serve.ModelRegistry;
import dev.kelvin.predictor.serve.ServedModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models that ship in {@code kelvin.jar}: one of every kind serves from the classpath with
 * its provenance, and the failure and anomaly models score the demo's simulated nodes (whose
 * corrected memory error counter they read) on the snapshots the demo's controller takes. The
 * demo simulates no failure, so neither may flag a node there: a model that learned the
 * recorded machine's absolute values rather than differences between peers would.
 */
class ShippedModelsTest {
  private static final Logger LOG = LoggerFactory.getLogger(ShippedModelsTest.class);
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  /** The shipped models' training data (see the models README). */
  private static final Map<ModelKind, String> DATA = Map.of(
      ModelKind.FAILURE, "failure-telemetry.csv.gz",
      ModelKind.ANOMALY, "failure-telemetry.csv.gz",
      ModelKind.LOAD, "planetlab-cpu-util");
  /** Long enough for every memory error feature: the long-run rate is known after an hour. */
  private static final Duration DEMO_RUN = Duration.ofMinutes(65);
  /** The demo controller's tick; the models are asked every tenth, to keep the test quick. */
  private static final Duration TICK = Duration.ofSeconds(1);
  private static final int PREDICT_EVERY_TICKS = 10;
  /** What the demo cannot know: it runs no workload manager and counts no uncorrected error. */
  private static final List<String> UNKNOWN_IN_THE_DEMO = unknownInTheDemo();

  @Test
  void serves_a_shipped_model_of_every_kind_with_its_provenance() {
    try (ModelRegistry registry = shipped()) {
      assertThat(registry.status().refused()).isEmpty();
      assertThat(registry.active()).extracting(ActiveModel::kind)
          .containsExactly(ModelKind.FAILURE, ModelKind.LOAD, ModelKind.ANOMALY);
      for (ActiveModel active : registry.active()) {
        Map<String, String> provenance = active.model().file().provenance();
        assertThat(active.source()).isEqualTo("shipped");
        assertThat(active.version()).startsWith(active.kind().wireName() + "-");
        assertThat(provenance.get("data")).contains(DATA.get(active.kind()));
        assertThat(provenance.get("data_sha256")).matches("[0-9a-f]{64}");
        assertThat(provenance.get("trainer")).isNotBlank();
      }
    }
  }

  @Test
  void the_shipped_telemetry_models_score_every_demo_node_on_every_feature_but_history() {
    try (ModelRegistry registry = shipped()) {
      NodeFeatureTracker tracker = new NodeFeatureTracker();
      List<NodeFeatureBatch> features = new ArrayList<>();
      Map<ModelKind, List<Prediction>> last = new EnumMap<>(ModelKind.class);
      List<Prediction> anomalies = new ArrayList<>();
      DemoSnapshots demo = new DemoSnapshots(START);
      demo.run(DEMO_RUN, TICK, snapshot -> {
        features.add(tracker.observe(snapshot));
        if (features.size() % PREDICT_EVERY_TICKS == 0) {
          predictAll(registry, snapshot, last);
          anomalies.addAll(last.getOrDefault(ModelKind.ANOMALY, List.of()));
        }
      });

      assertEveryFeatureKnownButHistory(features.get(features.size() - 1), demo.nodeCount());
      assertThat(last.get(ModelKind.FAILURE)).hasSize(demo.nodeCount()).allSatisfy(p -> {
        FailureRisk risk = (FailureRisk) p;
        assertThat(risk.probability()).isBetween(0.0, setting(registry, "threshold"));
        assertThat(risk.horizon()).isEqualTo(Duration.ofMinutes(30));
      });
      // The demo is healthy: a shipped anomaly model that flags its nodes does not travel. At
      // the end no node is flagged, and over the run fewer than 1 % of the node-ticks asked.
      double anomalyThreshold = anomalyModel(registry).threshold();
      assertThat(last.get(ModelKind.ANOMALY)).hasSize(demo.nodeCount())
          .allSatisfy(p -> assertThat(((Anomaly) p).score()).isGreaterThanOrEqualTo(0.0)
              .isLessThan(anomalyThreshold));
      long flagged = anomalies.stream()
          .filter(p -> ((Anomaly) p).score() >= anomalyThreshold).count();
      assertThat(flagged).as("node-ticks flagged over the run, of %d", anomalies.size())
          .isLessThan(anomalies.size() / 100);
      LOG.info("shipped models on the demo site after {}: failure risk {}, anomaly ({},"
          + " threshold {}) {}, flagged {} of {} node-ticks over the run, anomaly by the"
          + " one-class SVM {}", DEMO_RUN, summary(last.get(ModelKind.FAILURE)),
          anomalyModel(registry).method().wireName(), anomalyThreshold,
          summary(last.get(ModelKind.ANOMALY)), flagged, anomalies.size(),
          summary(anomalyModel(registry).scores(AnomalyMethod.ONE_CLASS_SVM,
              features.get(features.size() - 1).values())));
    }
  }

  private static void assertEveryFeatureKnownButHistory(NodeFeatureBatch batch, int nodes) {
    assertThat(batch.unknownCounts()).isEmpty();
    assertThat(batch.nodes()).hasSize(nodes);
    List<String> names = NodeTelemetryFeatures.NAMES;
    for (double[] values : batch.values()) {
      for (int i = 0; i < names.size(); i++) {
        assertThat(Double.isNaN(values[i])).as(names.get(i))
            .isEqualTo(UNKNOWN_IN_THE_DEMO.contains(names.get(i)));
      }
    }
  }

  private static ModelRegistry shipped() {
    return ModelServing.standard(Optional.empty(), "--models", ModelServing.DEFAULT_RELOAD_EVERY)
        .start(new VirtualScheduler(START));
  }

  private static void predictAll(ModelRegistry registry, ClusterSnapshot snapshot,
      Map<ModelKind, List<Prediction>> last) {
    for (ActiveModel active : registry.active()) {
      last.put(active.kind(), active.model().predict(snapshot));
    }
  }

  private static double setting(ModelRegistry registry, String key) {
    return Double.parseDouble(model(registry, ModelKind.FAILURE).file().meta().setting(key));
  }

  private static AnomalyModel anomalyModel(ModelRegistry registry) {
    return AnomalyModel.of(model(registry, ModelKind.ANOMALY).file());
  }

  private static ServedModel model(ModelRegistry registry, ModelKind kind) {
    return registry.active().stream().filter(a -> a.kind() == kind).findFirst()
        .map(ActiveModel::model).orElseThrow();
  }

  private static String summary(List<Prediction> predictions) {
    return summary(predictions.stream().mapToDouble(p -> p instanceof FailureRisk risk
        ? risk.probability() : ((Anomaly) p).score()).toArray());
  }

  private static String summary(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "min %.4f median %.4f max %.4f over %d nodes", sorted[0],
        sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length);
  }

  private static List<String> unknownInTheDemo() {
    List<String> unknown = new ArrayList<>(List.of("ecc_uncorrected_delta_30m"));
    NodeTelemetryFeatures.NAMES.stream().filter(name -> name.startsWith("history_"))
        .forEach(unknown::add);
    return List.copyOf(unknown);
  }
}
