package dev.kelvin.predictor.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureExamples;
import dev.kelvin.predictor.failure.FailureTrainer;
import dev.kelvin.predictor.features.SnapshotFeatures;
import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelMeta;
import dev.kelvin.predictor.telemetry.SimTelemetrySource;
import dev.kelvin.predictor.telemetry.SyntheticTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureModelLoaderTest {
  @TempDir
  static Path dir;
  static ModelFile trained;

  /** A small model of a synthetic recording, where rising error counts precede failures. */
  @BeforeAll
  static void trainASmallFailureModel() {
    Path data = dir.resolve("telemetry.csv.gz");
    SyntheticTelemetry.write(data, 30, 600, 6, 60);
    FailureExamples examples = new SimTelemetrySource().examples(data,
        ExampleSettings.defaults(), line -> { });
    trained = new FailureTrainer(new FailureTrainer.Settings(5, 6, 30, 3, 100_000, 1),
        line -> { }).train(List.of(examples), Optional.of(SyntheticTelemetry.tick(450)),
            dir.resolve("failure.zip")).file();
  }

  /** Node 0 counts 3 errors a minute from minute 40 on; node 1 none; node 2 is stale. */
  private static List<Prediction> predictEveryTwoMinutesUntil(ServedModel served, int until) {
    IntToDoubleFunction rising = m -> m < 40 ? 5 : 5 + 3 * (m - 40);
    IntToDoubleFunction quiet = m -> 5;
    List<Prediction> last = List.of();
    for (int m = 10; m <= until; m += 2) {
      last = served.predict(Snapshots.at(m, new IntToDoubleFunction[] {rising, quiet, quiet},
          List.of(2)));
    }
    return last;
  }

  private static FailureRisk riskOf(List<Prediction> predictions, int node) {
    return predictions.stream().map(FailureRisk.class::cast)
        .filter(risk -> risk.node().equals(Snapshots.node(node))).findFirst().orElseThrow();
  }

  @Test
  void gives_a_node_whose_errors_climb_a_higher_risk_with_the_models_version_and_horizon() {
    ServedModel served = new FailureModelLoader().load(ModelFile.read(trained.path()));

    List<Prediction> predictions = predictEveryTwoMinutesUntil(served, 50);

    FailureRisk climbing = riskOf(predictions, 0);
    FailureRisk quiet = riskOf(predictions, 1);
    assertThat(climbing.probability()).isGreaterThan(quiet.probability() + 0.3);
    assertThat(climbing.modelVersion()).isEqualTo(trained.version());
    assertThat(climbing.horizon()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void gives_a_stale_node_no_risk_at_all_rather_than_a_confident_one() {
    ServedModel served = new FailureModelLoader().load(ModelFile.read(trained.path()));

    List<Prediction> predictions = predictEveryTwoMinutesUntil(served, 50);

    assertThat(predictions).hasSize(2)
        .noneMatch(p -> ((FailureRisk) p).node().equals(Snapshots.node(2)));
  }

  @Test
  void predicts_nothing_until_a_nodes_counter_is_known_15_minutes_back() {
    ServedModel served = new FailureModelLoader().load(ModelFile.read(trained.path()));

    assertThat(predictEveryTwoMinutesUntil(served, 14)).isEmpty();
    assertThat(served.predict(Snapshots.at(16, new IntToDoubleFunction[] {m -> 5},
        List.of()))).hasSize(1);
  }

  @Test
  void a_model_that_replaces_another_of_its_loader_serves_at_once_on_what_was_kept() {
    FailureModelLoader loader = new FailureModelLoader();
    predictEveryTwoMinutesUntil(loader.load(ModelFile.read(trained.path())), 30);

    ServedModel replacement = loader.load(ModelFile.read(trained.path()));

    assertThat(replacement.predict(Snapshots.at(32, new IntToDoubleFunction[] {m -> 5, m -> 5},
        List.of()))).hasSize(2);
  }

  @Test
  void shares_one_snapshots_features_with_the_anomaly_loader_it_is_built_with() {
    SnapshotFeatures shared = new SnapshotFeatures();
    ServedModel served = new FailureModelLoader(shared).load(ModelFile.read(trained.path()));
    ClusterSnapshot snapshot = Snapshots.at(10, new IntToDoubleFunction[] {m -> 5}, List.of());

    served.predict(snapshot);

    assertThat(shared.of(snapshot).unknown()).containsKey(Snapshots.node(0));
    for (int m = 12; m <= 30; m += 2) {
      shared.of(Snapshots.at(m, new IntToDoubleFunction[] {n -> 5}, List.of()));
    }
    assertThat(served.predict(Snapshots.at(32, new IntToDoubleFunction[] {m -> 5},
        List.of()))).hasSize(1);
  }

  @Test
  void refuses_a_failure_model_of_another_feature_set_naming_the_file() {
    ModelMeta meta = trained.meta();
    ModelFile other = ModelFile.write(dir.resolve("logs.zip"), trained.model(), new ModelMeta(
        meta.kind(), new FeatureSet("failure-history", List.of("a", "b")), meta.algorithm(),
        meta.data(), meta.dataSha256(), meta.trainedFrom(), meta.trainedUntil(),
        meta.settings()));

    assertThatThrownBy(() -> new FailureModelLoader().load(other))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("logs.zip")
        .hasMessageContaining("failure-history");
  }
}
