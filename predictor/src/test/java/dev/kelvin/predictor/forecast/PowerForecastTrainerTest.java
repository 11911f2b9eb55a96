package dev.kelvin.predictor.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PowerForecastTrainerTest {
  private final ForecastSettings settings = ForecastSettings.defaults();

  /** A quick history for the tests that train more than once. */
  private static List<NodeReading> smallHistory() {
    return SimulatedHistory.of(4, Duration.ofMinutes(15), 3).readings();
  }

  @ParameterizedTest
  @EnumSource(ForecastAlgorithm.class)
  void beats_the_persistence_baseline_on_held_out_data_by_a_clear_margin(
      ForecastAlgorithm algorithm) {
    List<NodeReading> history = SimulatedHistory.of(8, Duration.ofMinutes(40), 1).readings();

    TrainingReport report = new PowerForecastTrainer(algorithm).train(history, settings).report();

    assertThat(report.rmseImprovementRatio()).isGreaterThan(0.10);
    assertThat(report.model().rmseWatts())
        .isLessThan(0.9 * report.persistence().rmseWatts());
    assertThat(report.model().r2()).isGreaterThan(report.persistence().r2());
  }

  @Test
  void reports_consistent_metrics_and_accounts_for_every_reading() {
    List<NodeReading> history = smallHistory();

    TrainingReport report = new PowerForecastTrainer().train(history, settings).report();

    for (ForecastMetrics metrics : List.of(report.model(), report.persistence())) {
      assertThat(metrics.rmseWatts()).isGreaterThanOrEqualTo(metrics.maeWatts());
      assertThat(metrics.maeWatts()).isGreaterThanOrEqualTo(0);
      assertThat(metrics.examples()).isEqualTo(report.examples().test());
    }
    ExampleCounts counts = report.examples();
    assertThat(counts.readings()).isEqualTo(history.size());
    assertThat(counts.training() + counts.test() + counts.purged() + counts.tooShort()
        + counts.missingMetric() + counts.unlabelled() + counts.duplicateReadings())
        .isEqualTo(history.size());
    assertThat(counts.nodes()).isEqualTo(4);
    assertThat((double) counts.test() / (counts.test() + counts.training() + counts.purged()))
        .isBetween(0.19, 0.21);
    assertThat(report.trainingTime()).isPositive();
    assertThat(report.algorithm()).isEqualTo(ForecastAlgorithm.CART);
    assertThat(report.settings()).isEqualTo(settings);
    assertThat(report.summary()).contains(report.modelVersion(), "RMSE", "persistence");
  }

  @Test
  void names_the_model_by_algorithm_and_provenance_hash() {
    TrainedForecaster trained = new PowerForecastTrainer().train(smallHistory(), settings);

    assertThat(trained.report().modelVersion()).matches("power-cart-[0-9a-f]{8}");
    assertThat(trained.predictor().modelVersion()).isEqualTo(trained.report().modelVersion());
    assertThat(trained.predictor().horizon()).isEqualTo(settings.horizon());
    assertThat(trained.predictor().window()).isEqualTo(settings.window());
  }

  @Test
  void gives_the_same_model_version_for_the_same_history_and_settings() {
    PowerForecastTrainer trainer = new PowerForecastTrainer();

    String first = trainer.train(smallHistory(), settings).report().modelVersion();
    String second = trainer.train(smallHistory(), settings).report().modelVersion();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void changes_the_model_version_when_the_seed_or_horizon_changes() {
    PowerForecastTrainer trainer = new PowerForecastTrainer();
    List<NodeReading> history = smallHistory();

    String base = trainer.train(history, settings).report().modelVersion();
    String reseeded = trainer.train(history, settings.withSeed(7)).report().modelVersion();
    String longer = trainer.train(history, settings.withHorizon(Duration.ofSeconds(90)))
        .report().modelVersion();

    assertThat(List.of(base, reseeded, longer)).doesNotHaveDuplicates();
  }

  @Test
  void changes_the_model_version_when_one_training_reading_changes() {
    List<NodeReading> history = new ArrayList<>(smallHistory());
    String base = new PowerForecastTrainer().train(history, settings).report().modelVersion();
    NodeReading early = history.get(100);
    history.set(100, new NodeReading(early.node(), early.rack(), early.at(), early.seq(),
        early.metrics().with(NodeMetric.POWER_WATTS, early.powerWatts().orElseThrow() + 1)));

    String changed = new PowerForecastTrainer().train(history, settings).report().modelVersion();

    assertThat(changed).isNotEqualTo(base);
  }

  @Test
  void names_the_linear_model_by_its_own_algorithm() {
    String version = new PowerForecastTrainer(ForecastAlgorithm.LINEAR_SGD)
        .train(smallHistory(), settings).report().modelVersion();

    assertThat(version).matches("power-sgd-[0-9a-f]{8}");
  }

  @Test
  void refuses_a_history_too_short_to_train_on_and_says_why() {
    List<NodeReading> history = SimulatedHistory.of(1, Duration.ofSeconds(100), 3).readings();

    assertThatThrownBy(() -> new PowerForecastTrainer().train(history, settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 readings from 1 nodes")
        .hasMessageContaining("PT30S of readings before it")
        .hasMessageContaining("PT1M after it")
        .hasMessageContaining("give a longer history");
  }

  @Test
  void refuses_a_history_that_leaves_too_few_examples_to_train_on() {
    List<NodeReading> history = SimulatedHistory.of(1, Duration.ofMinutes(5), 3).readings();

    assertThatThrownBy(() -> new PowerForecastTrainer().train(history, settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("300 readings from 1 nodes gave 213 labelled examples")
        .hasMessageContaining("need at least 230")
        .hasMessageContaining("59 with no reading one horizon later");
  }

  @Test
  void refuses_an_empty_history() {
    assertThatThrownBy(() -> new PowerForecastTrainer().train(List.of(), settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 readings from 0 nodes");
  }
}
