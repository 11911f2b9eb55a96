package dev.kelvin.predictor.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.datasets.load.LoadSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadSplitTest {
  private static final Duration FIVE = Duration.ofMinutes(5);
  private static final LoadHorizons HORIZONS = LoadHorizons.forStep(FIVE);
  private static final Instant DAY_2 = LoadFixtures.START.plus(Duration.ofDays(1));

  @Test
  void training_sees_nothing_after_the_boundary_and_testing_nothing_before() {
    LoadSeries series = LoadFixtures.daily("t", "a", 3, 1);

    List<SeriesPoint> training = LoadSplit.training(List.of(series), HORIZONS,
        LoadFixtures.START, DAY_2, 1_000_000, 7).get("t");
    List<SeriesPoint> test = LoadSplit.test(List.of(series), HORIZONS, DAY_2, 1_000_000, 7)
        .get("t");

    for (SeriesPoint point : training) {
      Instant lastTargetEnd = series.timeAt(point.index() + HORIZONS.maxSteps() + 1);
      assertThat(lastTargetEnd).isBeforeOrEqualTo(DAY_2);
    }
    assertThat(training).hasSize(288 - 12);
    for (SeriesPoint point : test) {
      assertThat(point.madeAt()).isAfterOrEqualTo(DAY_2);
    }
    assertThat(test.get(0).madeAt()).isEqualTo(DAY_2);
    assertThat(test).as("anchors 287..862: the last needs its 5-minute target").hasSize(2 * 288);
  }

  @Test
  void changing_the_data_after_the_boundary_changes_no_training_example() {
    LoadSeries original = LoadFixtures.daily("t", "a", 3, 1);
    double[] changed = original.toArray();
    Arrays.fill(changed, 288, changed.length, 1e6);
    LoadSeries future = LoadSeries.of("t", "a", "W", original.start(), FIVE, original.zone(),
        changed);

    assertThat(examples(future)).isEqualTo(examples(original));
  }

  private static List<String> examples(LoadSeries series) {
    List<String> rows = new ArrayList<>();
    int features = LoadFeatures.names(HORIZONS).size();
    for (SeriesPoint point : LoadSplit.training(List.of(series), HORIZONS, LoadFixtures.START,
        DAY_2, 1_000_000, 7).get("t")) {
      LoadAnchor anchor = point.anchor(HORIZONS, features);
      double[] targets = new double[HORIZONS.count()];
      Arrays.setAll(targets, h -> anchor.target(point.ahead(HORIZONS.steps(h))));
      rows.add(point.index() + Arrays.toString(anchor.features()) + Arrays.toString(targets));
    }
    return rows;
  }

  @Test
  void a_cap_keeps_the_same_seeded_sample_of_each_trace() {
    List<LoadSeries> series = List.of(LoadFixtures.daily("t", "a", 2, 1),
        LoadFixtures.daily("u", "b", 2, 2));

    Map<String, List<SeriesPoint>> once = LoadSplit.training(series, HORIZONS,
        LoadFixtures.START, DAY_2.plus(Duration.ofDays(1)), 50, 9);
    Map<String, List<SeriesPoint>> again = LoadSplit.training(series, HORIZONS,
        LoadFixtures.START, DAY_2.plus(Duration.ofDays(1)), 50, 9);

    assertThat(once.get("t")).hasSize(50);
    assertThat(once.get("u")).hasSize(50);
    assertThat(once).isEqualTo(again);
  }

  @Test
  void the_default_boundary_is_seven_tenths_into_the_data_at_the_start_of_a_day() {
    LoadSeries tenDays = LoadFixtures.series("t", Duration.ofHours(1), new double[240]);

    assertThat(LoadSplit.defaultBoundary(List.of(tenDays)))
        .isEqualTo(LoadFixtures.START.plus(Duration.ofDays(7)));
  }
}
