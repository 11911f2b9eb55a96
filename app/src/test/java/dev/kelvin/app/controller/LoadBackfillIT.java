package dev.kelvin.app.controller;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.load.LoadModelLoader;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.serve.ServedModel;
import dev.kelvin.telemetry.store.history.HistoryDatabase;
import dev.kelvin.telemetry.store.history.InfluxHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped load model (PlanetLab, 5-minute steps) restarted with its history read back from
 * the real InfluxDB of scripts/services.sh: an hour of one node's power and utilisation is
 * written through the real store, and the model's first tick forecasts what a model that saw
 * the same readings live forecasts.
 */
class LoadBackfillIT {
  private static final Logger LOG = LoggerFactory.getLogger(LoadBackfillIT.class);
  private static final Duration STEP = Duration.ofMinutes(5);
  private static final Duration EVERY = Duration.ofSeconds(10);
  private static final NodeId NODE = NodeId.of("site-a", "n07");
  /** The step the controller restarts in (a fixed time: the test database keeps all points). */
  private static final Instant RESTART_STEP = Instant.parse("2026-01-02T12:00:00Z");
  private static final Instant FIRST = RESTART_STEP.minus(Duration.ofHours(1));
  /** The first tick after the restart, late in its step: readings before it are the old run's. */
  private static final Instant FIRST_TICK = RESTART_STEP.plus(Duration.ofMinutes(3));

  @TempDir
  Path spoolDir;
  @TempDir
  Path modelDir;
  private HistoryDatabase db;

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }

  /** A node whose power and utilisation swing over the hour. */
  private static NodeReading at(Instant at) {
    long i = Duration.between(FIRST, at).dividedBy(EVERY);
    double watts = 250 + 80 * Math.sin(i / 23.0) + 15 * (i % 4);
    double util = 0.45 + 0.3 * Math.sin(i / 31.0) + 0.02 * (i % 3);
    return reading().node(NODE).at(at).seq(i).with(NodeMetric.POWER_WATTS, watts)
        .with(NodeMetric.CPU_UTIL_RATIO, util).build();
  }

  private static ClusterSnapshot snapshot(NodeReading latest) {
    NodeView view = new NodeView(NODE, RackId.of("r1"), latest, List.of(latest), latest.at(),
        false);
    return ClusterSnapshot.of(latest.at(), List.of(view));
  }

  private ModelFile shippedLoadModel() throws IOException {
    return ShippedModels.copy("load-planetlab.model", modelDir);
  }

  @Test
  void the_first_tick_after_a_restart_forecasts_what_the_same_readings_give_in_memory()
      throws IOException {
    db = new HistoryDatabase(spoolDir);
    List<NodeReading> oldRun = new ArrayList<>();
    for (Instant t = FIRST; t.isBefore(FIRST_TICK); t = t.plus(EVERY)) {
      oldRun.add(at(t));
    }
    db.write(sink -> oldRun.forEach(sink));
    ModelFile file = shippedLoadModel();

    ServedModel inMemory = new LoadModelLoader(ZoneOffset.UTC).load(file);
    oldRun.forEach(reading -> inMemory.predict(snapshot(reading)));
    List<Prediction> expected = inMemory.predict(snapshot(at(FIRST_TICK)));

    List<Prediction> restarted;
    HistoryBackfill backfill;
    try (InfluxHistory history = new InfluxHistory(db.settings())) {
      backfill = HistoryBackfill.of(history, Runnable::run, System::nanoTime);
      ServedModel served = new LoadModelLoader(ZoneOffset.UTC, backfill).load(file);
      restarted = served.predict(snapshot(at(FIRST_TICK)));
    }

    LOG.info("LoadBackfillIT: {} readings over an hour; first tick after the restart: {};"
        + " in memory: {}; backfill {}", oldRun.size(), levels(restarted), levels(expected),
        backfill.stats());
    assertThat(expected).as("the live model forecasts node and site").hasSize(2 * 3);
    assertThat(backfill.stats().scopesFilled()).isEqualTo(2);
    assertThat(levels(restarted).keySet()).isEqualTo(levels(expected).keySet());
    levels(expected).forEach((key, watts) -> assertThat(levels(restarted).get(key))
        .as(key).isCloseTo(watts, Offset.offset(1e-6 * watts)));
    utilizations(expected).forEach((key, ratio) -> assertThat(utilizations(restarted).get(key))
        .as(key).isCloseTo(ratio, Offset.offset(1e-6)));
  }

  private static Map<String, Double> levels(List<Prediction> predictions) {
    return predictions.stream().map(LoadForecast.class::cast).collect(Collectors.toMap(
        f -> f.scope() + " " + f.horizon(), LoadForecast::powerWatts));
  }

  private static Map<String, Double> utilizations(List<Prediction> predictions) {
    return predictions.stream().map(LoadForecast.class::cast).collect(Collectors.toMap(
        f -> f.scope() + " " + f.horizon(), f -> f.utilizationRatio().orElse(Double.NaN)));
  }
}
