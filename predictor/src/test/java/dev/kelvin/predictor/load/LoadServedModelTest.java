package dev.kelvin.predictor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.serve.ServedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served load model fed a snapshot every 30 s of virtual time. */
class LoadServedModelTest {
  private static final LoadHorizons FIVE = LoadHorizons.forStep(Duration.ofMinutes(5));
  private static final Duration TICK = Duration.ofSeconds(30);
  private static final NodeId A = NodeId.of("site-a", "n01");
  private static final NodeId B = NodeId.of("site-a", "n02");

  @TempDir
  Path folder;

  private final VirtualScheduler scheduler = new VirtualScheduler(LoadFixtures.START);
  private final List<List<Prediction>> ticks = new ArrayList<>();
  private ServedModel served;
  private ModelFile file;
  /** What each node reports at an instant; null: nothing (the node is absent). */
  private final Map<NodeId, Function<Instant, NodeReading>> nodes = new HashMap<>();
  private final Map<NodeId, Boolean> stale = new HashMap<>();

  @BeforeEach
  void serveAPersistenceModel() {
    file = LoadFixtures.persistenceFile(folder.resolve("load.kelvin"), FIVE);
    served = new LoadModelLoader(ZoneOffset.UTC).load(file);
    scheduler.every("tick", Duration.ZERO, TICK, () -> ticks.add(served.predict(snapshot())));
  }

  private ClusterSnapshot snapshot() {
    Instant now = scheduler.now();
    List<NodeView> views = new ArrayList<>();
    nodes.forEach((id, reading) -> {
      NodeReading latest = reading.apply(now);
      if (latest != null) {
        views.add(new NodeView(id, RackId.of("r1"), latest, List.of(latest), now,
            stale.getOrDefault(id, false)));
      }
    });
    return ClusterSnapshot.of(now, views);
  }

  private static Function<Instant, NodeReading> power(NodeId node, double watts, double util) {
    return at -> Readings.reading().node(node).at(at).with(NodeMetric.POWER_WATTS, watts)
        .with(NodeMetric.CPU_UTIL_RATIO, util).build();
  }

  private List<LoadForecast> last() {
    return ticks.get(ticks.size() - 1).stream().map(LoadForecast.class::cast).toList();
  }

  private List<LoadForecast> of(ForecastScope scope) {
    return last().stream().filter(f -> f.scope().equals(scope)).toList();
  }

  @Test
  void no_node_gets_a_forecast_before_its_first_whole_step() {
    nodes.put(A, power(A, 300, 0.5));

    scheduler.advanceBy(Duration.ofMinutes(4).plusSeconds(30));
    assertThat(ticks).hasSize(10).allMatch(List::isEmpty);

    scheduler.advanceBy(TICK);
    assertThat(of(ForecastScope.node(A))).extracting(LoadForecast::horizon)
        .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60));
    assertThat(of(ForecastScope.node(A))).allSatisfy(forecast -> {
      assertThat(forecast.powerWatts()).isEqualTo(300);
      assertThat(forecast.utilizationRatio()).hasValue(0.5);
      assertThat(forecast.modelVersion()).isEqualTo(file.version());
    });
  }

  @Test
  void a_large_sites_forecasts_are_spread_over_the_ticks_after_a_step_sites_first() {
    for (int i = 0; i < 1_000; i++) {
      NodeId node = NodeId.of("site-a", "m" + i);
      nodes.put(node, power(node, 300, 0.5));
    }
    scheduler.advanceBy(Duration.ofMinutes(5));
    assertThat(of(ForecastScope.site(A.site()))).as("the site first").hasSize(3);
    assertThat(last()).as("the site and 255 nodes at the step's first tick")
        .hasSize(256 * 3);

    scheduler.advanceBy(TICK.multipliedBy(3));
    assertThat(last()).as("every node within the ticks of half a step").hasSize(1_001 * 3);
    assertThat(last()).allSatisfy(forecast -> assertThat(forecast.modelVersion())
        .isEqualTo(file.version()));
  }

  @Test
  void a_forecast_starts_from_the_mean_of_the_last_whole_step() {
    nodes.put(A, at -> Readings.reading().node(A).at(at)
        .with(NodeMetric.POWER_WATTS, at.getEpochSecond() % 60 == 0 ? 200 : 400)
        .without(NodeMetric.CPU_UTIL_RATIO).build());

    scheduler.advanceBy(Duration.ofMinutes(5));

    assertThat(of(ForecastScope.node(A)).get(0).powerWatts()).isEqualTo(300);
    assertThat(of(ForecastScope.node(A)).get(0).utilizationRatio()).as("no util reported")
        .isEmpty();
  }

  @Test
  void site_power_is_the_sum_of_its_nodes_and_its_utilisation_their_mean() {
    nodes.put(A, power(A, 300, 0.2));
    nodes.put(B, power(B, 100, 0.6));

    scheduler.advanceBy(Duration.ofMinutes(5));

    LoadForecast site = of(ForecastScope.site(SiteId.of("site-a"))).get(0);
    assertThat(site.powerWatts()).isEqualTo(400);
    assertThat(site.utilizationRatio().getAsDouble()).isCloseTo(0.4, within(1e-6));
    assertThat(last()).hasSize(3 * 3);
  }

  @Test
  void a_stale_node_and_one_without_power_get_no_forecast() {
    nodes.put(A, power(A, 300, 0.5));
    nodes.put(B, at -> Readings.reading().node(B).at(at).without(NodeMetric.POWER_WATTS)
        .build());

    scheduler.advanceBy(Duration.ofMinutes(6));
    assertThat(of(ForecastScope.node(A))).hasSize(3);
    assertThat(of(ForecastScope.node(B))).isEmpty();

    stale.put(A, true);
    scheduler.advanceBy(TICK);
    assertThat(of(ForecastScope.node(A))).as("stale since the last forecast").isEmpty();
  }

  @Test
  void a_node_that_joins_late_in_a_step_waits_for_the_next_whole_one() {
    scheduler.advanceBy(Duration.ofMinutes(3));
    nodes.put(A, power(A, 300, 0.5));

    scheduler.advanceBy(Duration.ofMinutes(2));
    assertThat(of(ForecastScope.node(A))).as("seen for 2 of 5 minutes").isEmpty();

    scheduler.advanceBy(Duration.ofMinutes(5));
    assertThat(of(ForecastScope.node(A))).hasSize(3);
  }

  @Test
  void a_node_silent_for_a_day_is_forgotten() {
    nodes.put(A, power(A, 300, 0.5));
    nodes.put(B, power(B, 100, 0.5));
    scheduler.advanceBy(Duration.ofMinutes(10));
    assertThat(((LoadServedModel) served).tracked()).as("two nodes and their site").isEqualTo(3);

    nodes.remove(B);
    scheduler.advanceBy(Duration.ofDays(1).plusMinutes(10));

    assertThat(((LoadServedModel) served).tracked()).isEqualTo(2);
    assertThat(last()).noneMatch(f -> f.scope().equals(ForecastScope.node(B)));
  }

  @Test
  void the_loader_serves_load_models_and_refuses_another_feature_set() {
    LoadModelLoader loader = new LoadModelLoader(ZoneOffset.UTC);
    List<String> names = new ArrayList<>(LoadFeatures.names(FIVE));
    names.remove("tod_cos");
    Path other = folder.resolve("other.kelvin");
    ModelFile.write(other, file.model(), LoadFixtures.meta(FIVE,
        new FeatureSet("load-series", names)));

    assertThat(loader.kind()).isEqualTo(ModelKind.LOAD);
    assertThat(loader.load(file).file()).isSameAs(file);
    assertThatThrownBy(() -> loader.load(ModelFile.read(other)))
        .isInstanceOf(ModelFileException.class).hasMessageContaining("tod_cos");
  }
}
