package dev.kelvin.predictor.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PowerForecasterTest {

  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-a", "n02");

  private final ForecastSettings settings = ForecastSettings.defaults();

  /** A view of {@code node} with {@code seconds} readings a second apart, shaped as given. */
  private static NodeView view(String node, int seconds, boolean stale,
      UnaryOperator<Readings> shape) {
    List<NodeReading> window = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      window.add(shape.apply(Readings.reading().node(node).seq(s + 1)
          .at(MutableClock.START.plusSeconds(s))).build());
    }
    NodeReading latest = window.get(window.size() - 1);
    return new NodeView(latest.node(), latest.rack(), latest, window, latest.at(), stale);
  }

  private static NodeView fresh(String node, double powerWatts) {
    return view(node, 40, false, r -> r.with(NodeMetric.POWER_WATTS, powerWatts));
  }

  private static ClusterSnapshot snapshot(NodeView... views) {
    return ClusterSnapshot.of(MutableClock.START.plusSeconds(40), List.of(views));
  }

  @Test
  void forecasts_every_fresh_node_with_a_long_enough_window() {
    PowerForecaster forecaster = new PowerForecaster(TestModels.constantChange(25), settings);

    List<Prediction> predictions = forecaster.predict(snapshot(fresh("n01", 300),
        fresh("n02", 410)));

    assertThat(predictions).containsExactly(
        new LoadForecast(ForecastScope.node(N01), Duration.ofSeconds(60), 325,
            OptionalDouble.empty(), "test-constant"),
        new LoadForecast(ForecastScope.node(N02), Duration.ofSeconds(60), 435,
            OptionalDouble.empty(), "test-constant"));
    assertThat(forecaster.stats()).isEqualTo(new ForecastStats(2, 0, 0, 0, 0));
  }

  @Test
  void never_forecasts_negative_power() {
    PowerForecaster forecaster = new PowerForecaster(TestModels.constantChange(-1000), settings);

    List<Prediction> predictions = forecaster.predict(snapshot(fresh("n01", 300)));

    assertThat(predictions).singleElement()
        .satisfies(p -> assertThat(((LoadForecast) p).powerWatts()).isZero());
  }

  @Test
  void skips_stale_nodes_and_counts_them() {
    PowerForecaster forecaster = new PowerForecaster(TestModels.constantChange(0), settings);
    NodeView stale = view("n02", 40, true, r -> r);

    List<Prediction> predictions = forecaster.predict(snapshot(fresh("n01", 300), stale));

    assertThat(predictions).singleElement().satisfies(p -> assertThat(((LoadForecast) p)
        .scope()).isEqualTo(ForecastScope.node(N01)));
    assertThat(forecaster.stats()).isEqualTo(new ForecastStats(1, 1, 0, 0, 0));
  }

  @Test
  void skips_nodes_with_short_windows_or_missing_metrics_and_counts_each() {
    PowerForecaster forecaster = new PowerForecaster(TestModels.constantChange(0), settings);
    NodeView young = view("n02", 10, false, r -> r);
    NodeView blind = view("n03", 40, false, r -> r.without(NodeMetric.CPU_FREQ_MAX_MHZ));

    List<Prediction> predictions = forecaster.predict(snapshot(fresh("n01", 300), young, blind));

    assertThat(predictions).hasSize(1);
    assertThat(forecaster.stats()).isEqualTo(new ForecastStats(1, 0, 1, 1, 0));
  }

  @Test
  void forecasts_a_node_that_reports_no_temperatures_as_one_that_does() {
    PowerForecaster forecaster = new PowerForecastTrainer()
        .train(SimulatedHistory.of(4, Duration.ofMinutes(15), 3).readings(), settings)
        .predictor();
    UnaryOperator<Readings> busy = r -> r.with(NodeMetric.POWER_WATTS, 420)
        .with(NodeMetric.CPU_UTIL_RATIO, 0.9).with(NodeMetric.CPU_FREQ_CAP_MHZ, 2400);
    NodeView bare = view("n01", 40, false, r -> busy.apply(r)
        .without(NodeMetric.CPU_TEMP_CELSIUS).without(NodeMetric.CPU_TEMP_LIMIT_CELSIUS)
        .without(NodeMetric.INLET_TEMP_CELSIUS).without(NodeMetric.CPU_FREQ_MHZ)
        .without(NodeMetric.CPU_FREQ_MIN_MHZ));
    NodeView warm = view("n01", 40, false, busy);

    Optional<LoadForecast> forecast = forecaster.forecast(bare);

    assertThat(bare.latest().metrics().asMap()).containsOnlyKeys(
        NodeMetric.POWER_WATTS, NodeMetric.CPU_UTIL_RATIO, NodeMetric.CPU_FREQ_CAP_MHZ,
        NodeMetric.CPU_FREQ_MAX_MHZ);
    assertThat(forecast).isPresent().isEqualTo(forecaster.forecast(warm));
    assertThat(forecast.get().scope()).isEqualTo(ForecastScope.node(N01));
    assertThat(forecaster.stats()).isEqualTo(new ForecastStats(2, 0, 0, 0, 0));
  }

  @Test
  void still_skips_a_node_whose_latest_reading_lacks_power_and_counts_it() {
    PowerForecaster forecaster = new PowerForecaster(TestModels.constantChange(0), settings);
    NodeView powerless = view("n02", 40, false, r -> r.without(NodeMetric.POWER_WATTS)
        .without(NodeMetric.CPU_TEMP_CELSIUS).without(NodeMetric.INLET_TEMP_CELSIUS));

    List<Prediction> predictions = forecaster.predict(snapshot(fresh("n01", 300), powerless));

    assertThat(predictions).singleElement().satisfies(p -> assertThat(((LoadForecast) p)
        .scope()).isEqualTo(ForecastScope.node(N01)));
    assertThat(forecaster.stats()).isEqualTo(new ForecastStats(1, 0, 0, 1, 0));
  }

  @Test
  void counts_a_failing_model_and_still_answers() {
    PowerForecaster forecaster =
        new PowerForecaster(TestModels.trainedOnOtherFeatures(), settings);

    List<Prediction> predictions = forecaster.predict(snapshot(fresh("n01", 300),
        fresh("n02", 300)));

    assertThat(predictions).isEmpty();
    assertThat(forecaster.stats()).isEqualTo(new ForecastStats(0, 0, 0, 0, 2));
  }

  @Test
  void gives_the_same_forecasts_from_many_threads_as_from_one() throws Exception {
    PowerForecaster forecaster = new PowerForecastTrainer()
        .train(SimulatedHistory.of(4, Duration.ofMinutes(15), 3).readings(), settings)
        .predictor();
    ClusterSnapshot snapshot = snapshot(fresh("n01", 150), fresh("n02", 300),
        fresh("n03", 450), view("n04", 40, false, r -> r.with(NodeMetric.CPU_UTIL_RATIO, 0.02)
            .with(NodeMetric.POWER_WATTS, 125)));
    List<Prediction> expected = forecaster.predict(snapshot);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<Prediction>>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        calls.add(() -> forecaster.predict(snapshot));
      }
      for (Future<List<Prediction>> result : pool.invokeAll(calls)) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected).hasSize(4);
    assertThat(forecaster.stats().forecasts()).isEqualTo(401 * 4);
  }
}
