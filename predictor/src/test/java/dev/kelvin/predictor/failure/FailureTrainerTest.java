package dev.kelvin.predictor.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureTrainerTest {
  private static final FailureTrainer.Settings SMALL =
      new FailureTrainer.Settings(10, 6, 40, 3, 20_000, 5);

  /** Training takes seconds, so the tests share one run; nothing here changes it. */
  @TempDir
  static Path trained;
  private static final FailureExamples EXAMPLES = SyntheticExamples.of("synthetic", 100, 300, 11);
  private static final List<String> PROGRESS = new ArrayList<>();
  private static FailureTraining training;

  @TempDir
  Path dir;

  @BeforeAll
  static void train() {
    training = new FailureTrainer(SMALL, PROGRESS::add).train(List.of(EXAMPLES),
        Optional.empty(), trained.resolve("failure.model"));
  }

  @Test
  void compares_both_algorithms_and_writes_a_calibrated_model_file_that_reads_back() {

    assertThat(training.candidates()).extracting(FailureTraining.Candidate::algorithm)
        .containsExactly(FailureAlgorithm.TREES, FailureAlgorithm.XGBOOST);
    double keptPrAuc = training.candidates().stream()
        .filter(c -> c.algorithm() == training.kept()).findFirst().orElseThrow()
        .validation().prAuc();
    assertThat(training.candidates()).allSatisfy(c ->
        assertThat(c.validation().prAuc()).isLessThanOrEqualTo(keptPrAuc));
    FailureModel model = FailureModel.of(ModelFile.read(trained.resolve("failure.model")));
    ModelMeta meta = model.file().meta();
    assertThat(meta.kind()).isEqualTo(ModelKind.FAILURE);
    assertThat(meta.algorithm()).isEqualTo(training.kept().shortName());
    assertThat(meta.setting("horizon")).isEqualTo("PT168H");
    assertThat(model.horizon()).isEqualTo(SyntheticExamples.HORIZON);
    assertThat(model.threshold()).isEqualTo(training.threshold());
    FailureSplit split = training.splits().get(0);
    assertThat(model.until("synthetic")).contains(split.until());
    assertThat(meta.trainedUntil()).isEqualTo(split.until());
    assertThat(meta.setting("validation_from.synthetic")).isEqualTo(
        split.validationFrom().toString());
    assertThat(meta.settings()).containsKeys("validation.pr_auc.trees",
        "validation.pr_auc.xgboost", "calibration.slope");
    assertThat(PROGRESS).anyMatch(line -> line.startsWith("kept "));
  }

  @Test
  void the_kept_model_ranks_failures_above_chance_on_later_data_with_calibrated_odds() {
    FailureExamples examples = EXAMPLES;
    FailureModel model = FailureModel.of(training.file());
    List<FailureExample> test = FailureSplit.test(examples, training.splits().get(0).until());

    double[] p = model.probabilities(test.stream().map(FailureExample::features).toList());
    FailureEvaluation evaluation = FailureEvaluation.of(test, p, model.threshold(),
        examples.features());

    double share = evaluation.pooled().model().positiveShare();
    assertThat(evaluation.pooled().model().prAuc()).isGreaterThan(3 * share);
    double meanP = java.util.Arrays.stream(p).average().orElseThrow();
    assertThat(meanP).isCloseTo(share, within(share * 0.5));
  }

  @Test
  void refuses_sources_with_different_horizons() {
    FailureExamples week = SyntheticExamples.of("a", 20, 100, 1);
    FailureExamples day = new FailureExamples("b", week.features(), java.time.Duration.ofDays(1),
        week.examples(), week.data());

    assertThatThrownBy(() -> new FailureTrainer(SMALL, line -> { }).train(List.of(week, day),
        Optional.empty(), dir.resolve("x")))
        .hasMessageContaining("source b has features failure-history@")
        .hasMessageContaining("horizon PT24H");
  }

  @Test
  void a_model_file_of_another_kind_is_refused_with_its_path() {
    ModelMeta meta = training.file().meta();
    Path load = dir.resolve("load.model");
    ModelFile.write(load, training.file().model(), new ModelMeta(ModelKind.LOAD,
        meta.features(), meta.algorithm(), meta.data(), meta.dataSha256(), meta.trainedFrom(),
        meta.trainedUntil(), meta.settings()));

    assertThatThrownBy(() -> FailureModel.of(ModelFile.read(load)))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining(load.toString())
        .hasMessageContaining("is a load model, expected a failure model");
  }
}
