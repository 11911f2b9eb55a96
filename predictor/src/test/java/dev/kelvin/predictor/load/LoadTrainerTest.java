package dev.kelvin.predictor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.datasets.load.LoadSeries;
import dev.kelvin.predictor.model.ModelFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTrainerTest {
  private static final LoadTrainer.Settings SMALL = new LoadTrainer.Settings(3, 2_000, 1_000, 0.2);

  @TempDir
  Path folder;

  private final List<String> progress = new ArrayList<>();

  private static List<LoadSeries> fleet() {
    return List.of(LoadFixtures.daily("nodes", "a", 6, 1), LoadFixtures.daily("nodes", "b", 6, 2),
        LoadFixtures.daily("site", "s", 6, 3));
  }

  @Test
  void a_trained_model_beats_persistence_at_every_horizon_and_its_file_reads_back() {
    List<LoadSeries> series = fleet();
    Instant until = LoadSplit.defaultBoundary(series);

    LoadTraining training = LoadTrainer.train(series, until, LoadFixtures.SHA, SMALL,
        progress::add);
    ModelFile written = LoadModelFiles.write(folder.resolve("load.kelvin"), training,
        "fleet", LoadFixtures.SHA);
    ModelFile read = ModelFile.read(written.path());
    LoadModel model = LoadModel.of(read);
    LoadScores scores = LoadEvaluator.evaluate(model, series, until, 5_000, 1);

    assertThat(training.validation()).containsOnlyKeys(LoadAlgorithm.values());
    for (int h = 0; h < scores.horizons().count(); h++) {
      assertThat(scores.mase(h)).as("horizon %s", scores.horizons().key(h))
          .isLessThan(scores.persistenceMase(h));
    }
    assertThat(progress).anyMatch(line -> line.startsWith("validation MASE of xgboost"))
        .anyMatch(line -> line.startsWith("chosen: "));
    assertThat(read.version()).isEqualTo(written.version()).startsWith("load-");
    assertThat(model.version()).isEqualTo(read.version());
    assertThat(model.horizons().keys()).containsExactly("5m", "15m", "60m");
    assertThat(read.meta().setting("step")).isEqualTo("PT5M");
    assertThat(read.meta().setting("horizons")).isEqualTo("PT5M,PT15M,PT1H");
    assertThat(read.meta().trainedUntil()).isEqualTo(until);
    assertThat(read.meta().dataSha256()).isEqualTo(LoadFixtures.SHA);
    assertThat(read.provenance()).containsKey("setting.validation_mase.xgboost.60m");
  }

  @Test
  void hourly_data_gets_only_the_sixty_minute_horizon() {
    LoadHorizons hourly = LoadHorizons.forStep(Duration.ofHours(1));

    assertThat(hourly.keys()).containsExactly("60m");
    assertThat(hourly.dropped()).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(15));
  }

  @Test
  void series_of_different_steps_are_refused_naming_the_steps() {
    List<LoadSeries> mixed = List.of(LoadFixtures.daily("a", "a", 2, 1),
        LoadFixtures.series("b", Duration.ofHours(1), 1, 2, 3));

    assertThatThrownBy(() -> LoadTrainer.train(mixed, LoadFixtures.START.plus(
        Duration.ofDays(1)), LoadFixtures.SHA, SMALL, progress::add))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT5M")
        .hasMessageContaining("PT1H");
  }

  @Test
  void a_boundary_before_the_data_is_refused() {
    assertThatThrownBy(() -> LoadTrainer.train(fleet(), LoadFixtures.START, LoadFixtures.SHA,
        SMALL, progress::add)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no data before");
  }
}
