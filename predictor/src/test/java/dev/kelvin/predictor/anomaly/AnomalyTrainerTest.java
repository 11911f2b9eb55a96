package dev.kelvin.predictor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import dev.kelvin.predictor.telemetry.SyntheticTelemetry;
import dev.kelvin.predictor.telemetry.TelemetryFile;
import dev.kelvin.predictor.telemetry.TelemetryRow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyTrainerTest {
  private static final String SHA = "ab".repeat(32);
  private static final Instant UNTIL = SyntheticTelemetry.tick(450);

  @TempDir
  static Path dir;
  static Path data;
  static AnomalyTraining training;

  @BeforeAll
  static void trainOnASyntheticRecording() {
    data = dir.resolve("telemetry.csv.gz");
    SyntheticTelemetry.write(data, 40, 600, 4, 100);
    training = AnomalyTrainer.train(data, SHA, UNTIL, dir.resolve("anomaly.zip"), line -> { });
  }

  /** The rows of ticks at or after {@code from}, grouped by tick. */
  private static List<List<TelemetryRow>> ticksFrom(Instant from) {
    List<List<TelemetryRow>> ticks = new ArrayList<>();
    TelemetryFile.read(data, NodeTelemetryFeatures.FEATURES, row -> {
      if (!row.at().isBefore(from)) {
        if (ticks.isEmpty() || !ticks.get(ticks.size() - 1).get(0).at().equals(row.at())) {
          ticks.add(new ArrayList<>());
        }
        ticks.get(ticks.size() - 1).add(row);
      }
    });
    return ticks;
  }

  @Test
  void reads_nothing_at_or_after_the_until_date() {
    assertThat(training.ticks()).isEqualTo(450);
    assertThat(training.rows()).isEqualTo(450 * 40);
    assertThat(training.file().meta().trainedUntil()).isEqualTo(UNTIL);
    assertThat(training.file().meta().dataSha256()).isEqualTo(SHA);
  }

  @Test
  void keeps_the_method_that_validated_better_and_says_so_in_the_file() {
    Map<AnomalyMethod, Double> auc = training.validationRocAuc();
    AnomalyMethod better = auc.get(AnomalyMethod.PEER_ZSCORE)
        >= auc.get(AnomalyMethod.ONE_CLASS_SVM) ? AnomalyMethod.PEER_ZSCORE
        : AnomalyMethod.ONE_CLASS_SVM;

    assertThat(training.kept()).isEqualTo(better);
    assertThat(training.chosenBy()).isEqualTo(MethodChoice.VALIDATION);
    assertThat(auc.values()).allSatisfy(value -> assertThat(value).isGreaterThan(0.8));
    AnomalyModel model = AnomalyModel.of(ModelFile.read(dir.resolve("anomaly.zip")));
    assertThat(model.method()).isEqualTo(better);
    assertThat(model.chosenBy()).isEqualTo(MethodChoice.VALIDATION);
    assertThat(model.file().meta().algorithm()).isEqualTo(better.wireName());
    assertThat(model.file().provenance()).containsEntry("setting.method", better.wireName())
        .containsEntry("setting.method_chosen_by", "validation")
        .containsEntry("setting.method_validation_better", better.wireName());
  }

  @Test
  void keeps_the_method_the_operator_names_even_against_validation_and_says_so_in_the_file() {
    for (AnomalyMethod named : AnomalyMethod.values()) {
      Path out = dir.resolve("named-" + named.wireName() + ".zip");

      AnomalyTraining trained = AnomalyTrainer.train(data, SHA, UNTIL, Optional.of(named), out,
          line -> { });

      AnomalyModel model = AnomalyModel.of(ModelFile.read(out));
      assertThat(trained.kept()).isEqualTo(named);
      assertThat(trained.chosenBy()).isEqualTo(MethodChoice.OPERATOR);
      assertThat(trained.validationRocAuc()).isEqualTo(training.validationRocAuc());
      assertThat(model.method()).isEqualTo(named);
      assertThat(model.chosenBy()).isEqualTo(MethodChoice.OPERATOR);
      assertThat(model.threshold()).isEqualTo(trained.validationThreshold().get(named));
      assertThat(model.file().meta().algorithm()).isEqualTo(named.wireName());
      assertThat(model.file().provenance()).containsEntry("setting.method", named.wireName())
          .containsEntry("setting.method_chosen_by", "operator")
          .containsEntry("setting.method_validation_better", training.kept().wireName());
      List<double[]> tick = ticksFrom(UNTIL).get(0).stream().map(TelemetryRow::features)
          .toList();
      assertThat(model.scores(tick)).containsExactly(model.scores(named, tick));
    }
  }

  @Test
  void refuses_an_unknown_method_listing_the_known_ones() {
    assertThatThrownBy(() -> AnomalyMethod.parse("svm"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'svm'")
        .hasMessageContaining("peer_zscore, one_class_svm");
  }

  @Test
  void reads_a_file_written_before_the_choice_was_recorded_as_chosen_on_validation() {
    ModelFile trained = ModelFile.read(dir.resolve("anomaly.zip"));
    ModelMeta meta = trained.meta();
    Map<String, String> settings = new HashMap<>(meta.settings());
    settings.remove("method_chosen_by");
    settings.remove("method_validation_better");
    ModelFile older = ModelFile.write(dir.resolve("older.zip"), trained.model(),
        new ModelMeta(meta.kind(), meta.features(), meta.algorithm(), meta.data(),
            meta.dataSha256(), meta.trainedFrom(), meta.trainedUntil(), settings));
    settings.put("method_chosen_by", "lead");
    ModelFile garbled = ModelFile.write(dir.resolve("garbled.zip"), trained.model(),
        new ModelMeta(meta.kind(), meta.features(), meta.algorithm(), meta.data(),
            meta.dataSha256(), meta.trainedFrom(), meta.trainedUntil(), settings));

    assertThat(AnomalyModel.of(older).chosenBy()).isEqualTo(MethodChoice.VALIDATION);
    assertThatThrownBy(() -> AnomalyModel.of(garbled)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("garbled.zip").hasMessageContaining("method_chosen_by 'lead'");
  }

  @Test
  void scores_a_node_close_to_a_warned_failure_far_above_its_peers_on_later_data() {
    AnomalyModel model = AnomalyModel.of(ModelFile.read(dir.resolve("anomaly.zip")));
    List<Double> warning = new ArrayList<>();
    List<Double> normal = new ArrayList<>();
    for (List<TelemetryRow> tick : ticksFrom(UNTIL)) {
      double[] scores = model.scores(tick.stream().map(TelemetryRow::features).toList());
      for (int i = 0; i < scores.length; i++) {
        assertThat(scores[i]).isBetween(0.0, 1.0);
        double toFailure = tick.get(i).secondsToFailure();
        if (toFailure < 6 * 120) {
          warning.add(scores[i]);
        } else if (Double.isNaN(toFailure) || toFailure > 3_600) {
          normal.add(scores[i]);
        }
      }
    }

    assertThat(warning).isNotEmpty().allSatisfy(score -> assertThat(score).isGreaterThan(0.99));
    assertThat(normal.stream().filter(score -> score > 0.99).count())
        .isLessThan(normal.size() / 20);
  }

  @Test
  void evaluates_both_methods_and_the_baseline_on_the_later_ticks_leaving_the_last_window_out() {
    AnomalyModel model = AnomalyModel.of(ModelFile.read(dir.resolve("anomaly.zip")));

    AnomalyEvaluation evaluation = AnomalyEvaluation.of(model, data, UNTIL, line -> { });

    // ticks 450..599, less the last 15 (30 minutes): 135 ticks of 40 nodes
    assertThat(evaluation.ticks()).isEqualTo(135);
    assertThat(evaluation.rows()).isEqualTo(135 * 40);
    assertThat(evaluation.failures()).isPositive();
    assertThat(evaluation.methods()).containsOnlyKeys(AnomalyMethod.values());
    evaluation.methods().values().forEach(result -> {
      assertThat(result.metrics().rocAuc()).isGreaterThan(0.8);
      assertThat(result.leads().events()).isEqualTo(evaluation.failures());
      assertThat(result.metrics().threshold()).isEqualTo(model.threshold(
          AnomalyMethod.parse(result.name())));
    });
    assertThat(evaluation.baseline().metrics().rocAuc()).isBetween(0.5, 1.0);
  }

  @Test
  void refuses_a_model_of_another_kind_or_feature_set_naming_the_file() {
    ModelFile trained = ModelFile.read(dir.resolve("anomaly.zip"));
    ModelMeta meta = trained.meta();
    ModelFile failure = ModelFile.write(dir.resolve("failure.zip"), trained.model(),
        new ModelMeta(ModelKind.FAILURE, meta.features(), meta.algorithm(), meta.data(),
            meta.dataSha256(), meta.trainedFrom(), meta.trainedUntil(), meta.settings()));
    ModelFile other = ModelFile.write(dir.resolve("other.zip"), trained.model(),
        new ModelMeta(ModelKind.ANOMALY, new FeatureSet("node-failure", List.of("a", "b")),
            meta.algorithm(), meta.data(), meta.dataSha256(), meta.trainedFrom(),
            meta.trainedUntil(), meta.settings()));

    assertThatThrownBy(() -> AnomalyModel.of(failure)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("failure.zip").hasMessageContaining("expected a anomaly model");
    assertThatThrownBy(() -> AnomalyModel.of(other)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("other.zip").hasMessageContaining("feature set");
  }

  @Test
  void refuses_to_train_on_too_few_ticks() {
    assertThatThrownBy(() -> AnomalyTrainer.train(data, SHA, SyntheticTelemetry.tick(20),
        dir.resolve("short.zip"), line -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20 ticks");
  }
}
