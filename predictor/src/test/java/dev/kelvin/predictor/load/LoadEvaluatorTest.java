package dev.kelvin.predictor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.datasets.load.LoadSeries;
import dev.kelvin.predictor.model.ModelFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadEvaluatorTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final LoadHorizons HOURLY = LoadHorizons.forStep(HOUR);

  @TempDir
  Path folder;

  private LoadModel persistence() {
    return LoadModel.of(ModelFile.read(
        LoadFixtures.persistenceFile(folder.resolve("p.kelvin"), HOURLY).path()));
  }

  @Test
  void mase_divides_the_test_error_by_the_in_sample_one_step_naive_error() {
    // in sample (ending by 04:00): changes 2, 1, 2 -> naive MAE 5/3
    // test forecasts of values 4..7 from 3..6: errors 2, 1, 4, 0 -> MAE 7/4
    LoadSeries series = LoadFixtures.series("t", HOUR, 0, 2, 1, 3, 5, 4, 8, 8);

    LoadScores scores = LoadEvaluator.evaluate(persistence(), List.of(series),
        LoadFixtures.START.plus(Duration.ofHours(4)), 1000, 1);

    TraceScore trace = scores.traces().get(0);
    assertThat(trace.scale().mae()).isCloseTo(5 / 3.0, within(1e-12));
    assertThat(trace.scale().pairs()).isEqualTo(3);
    assertThat(trace.horizons().get(0).forecasts()).isEqualTo(4);
    assertThat(trace.persistenceMase(0)).isCloseTo(1.75 / (5 / 3.0), within(1e-12));
    assertThat(trace.mase(0)).as("a model that forecasts no change is persistence")
        .isEqualTo(trace.persistenceMase(0));
    assertThat(trace.horizons().get(0).seasonalCoverage()).as("no day before").isZero();
    assertThat(trace.seasonalMase(0)).isEqualTo(trace.persistenceMase(0));
    assertThat(scores.mase(0)).isEqualTo(trace.mase(0));
    ForecastPlot plot = trace.plot().orElseThrow();
    assertThat(plot.start()).isEqualTo(LoadFixtures.START.plus(Duration.ofHours(3)));
    assertThat(plot.actual()).containsExactly(3, 5, 4, 8, 8);
    assertThat(plot.model()[0]).as("each value's forecast, made an hour before it")
        .containsExactly(Double.NaN, 3, 5, 4, 8);
  }

  @Test
  void seasonal_naive_forecasts_what_happened_a_day_before_the_target() {
    double[] values = new double[72];
    for (int i = 0; i < values.length; i++) {
      values[i] = 100 + 50 * Math.sin(2 * Math.PI * (i % 24) / 24);
    }
    Instant dayTwo = LoadFixtures.START.plus(Duration.ofDays(2));

    TraceScore trace = LoadEvaluator.evaluate(persistence(),
        List.of(LoadFixtures.series("t", HOUR, values)), dayTwo, 1000, 1).traces().get(0);

    assertThat(trace.horizons().get(0).seasonalCoverage()).isEqualTo(1);
    assertThat(trace.seasonalMase(0)).isCloseTo(0, within(1e-9));
    assertThat(trace.persistenceMase(0)).isGreaterThan(0.9);
  }

  @Test
  void the_overall_figure_is_the_mean_over_traces() {
    LoadSeries a = LoadFixtures.series("a", HOUR, 0, 2, 1, 3, 5, 4, 8, 8);
    LoadSeries b = LoadFixtures.series("b", HOUR, 0, 1, 0, 1, 0, 1, 0, 1);

    LoadScores scores = LoadEvaluator.evaluate(persistence(), List.of(a, b),
        LoadFixtures.START.plus(Duration.ofHours(4)), 1000, 1);

    assertThat(scores.traces()).extracting(TraceScore::trace).containsExactly("a", "b");
    assertThat(scores.traces().get(1).mase(0)).isEqualTo(1);
    assertThat(scores.mase(0)).isCloseTo((1.05 + 1) / 2, within(1e-12));
  }
}
