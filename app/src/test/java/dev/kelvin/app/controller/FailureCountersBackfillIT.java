package dev.kelvin.app.controller;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.features.SnapshotFeatures;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.serve.FailureModelLoader;
import dev.kelvin.predictor.serve.ServedModel;
import dev.kelvin.telemetry.store.history.HistoryDatabase;
import dev.kelvin.telemetry.store.history.InfluxHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped failure model restarted with a node's memory error counters read back from the
 * real InfluxDB of scripts/services.sh: 80 minutes of one node's readings are written through
 * the real store, and the model's first tick after the restart gives the node the risk that a
 * model which saw the same readings live gives it. Without the read-back the node would have
 * no risk at all for 15 minutes (its counters' deltas unknown).
 */
class FailureCountersBackfillIT {
  private static final Logger LOG = LoggerFactory.getLogger(FailureCountersBackfillIT.class);
  private static final NodeId NODE = NodeId.of("site-a", "n07");
  /** The restart's first tick (a fixed time: the test database keeps points of any age). */
  private static final Instant RESTART = Instant.parse("2026-01-02T12:00:00Z");
  private static final int MINUTES = 80;

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

  /** Minute {@code m} before the restart (0 is the restart): errors that come faster. */
  private static NodeReading at(int m) {
    int i = MINUTES + m;
    return reading().node(NODE).at(RESTART.plus(Duration.ofMinutes(m))).seq(i)
        .with(NodeMetric.CPU_TEMP_CELSIUS, 60 + 4 * Math.sin(i / 7.0))
        .with(NodeMetric.POWER_WATTS, 300 + 20 * Math.cos(i / 5.0))
        .with(NodeMetric.CPU_UTIL_RATIO, 0.6)
        .with(NodeMetric.ECC_CORRECTABLE_TOTAL, (double) i * i / 4)
        .with(NodeMetric.ECC_UNCORRECTABLE_TOTAL, Math.floor(i / 30.0)).build();
  }

  /** The node at minute {@code m}: its readings of the last five minutes. */
  private static ClusterSnapshot snapshot(int m) {
    List<NodeReading> window = new ArrayList<>();
    for (int k = Math.max(-MINUTES, m - 5); k <= m; k++) {
      window.add(at(k));
    }
    NodeReading latest = window.get(window.size() - 1);
    NodeView view = new NodeView(NODE, latest.rack(), latest, window, latest.at(), false);
    return ClusterSnapshot.of(latest.at(), List.of(view));
  }

  private ModelFile shippedFailureModel() throws IOException {
    return ShippedModels.copy("failure-telemetry.model", modelDir);
  }

  @Test
  void the_first_tick_after_a_restart_gives_the_risk_that_the_same_readings_give_live()
      throws IOException {
    db = new HistoryDatabase(spoolDir);
    List<NodeReading> oldRun = new ArrayList<>();
    for (int m = -MINUTES; m < 0; m++) {
      oldRun.add(at(m));
    }
    db.write(sink -> oldRun.forEach(sink));
    ModelFile file = shippedFailureModel();

    ServedModel live = new FailureModelLoader(new SnapshotFeatures()).load(file);
    for (int m = -MINUTES; m < 0; m++) {
      live.predict(snapshot(m));
    }
    List<Prediction> expected = live.predict(snapshot(0));

    List<Prediction> restarted;
    List<Prediction> without = new FailureModelLoader(new SnapshotFeatures()).load(file)
        .predict(snapshot(0));
    HistoryBackfill backfill;
    try (InfluxHistory history = new InfluxHistory(db.settings())) {
      backfill = HistoryBackfill.of(history, Runnable::run, new AtomicLong()::incrementAndGet);
      restarted = new FailureModelLoader(new SnapshotFeatures(backfill)).load(file)
          .predict(snapshot(0));
    }

    LOG.info("FailureCountersBackfillIT: {} readings over {} min; first tick after the"
        + " restart {}, live {}, without the store {}; backfill {}", oldRun.size(), MINUTES,
        restarted, expected, without, backfill.stats());
    assertThat(without).as("without the store the node's counters are too young").isEmpty();
    assertThat(expected).hasSize(1);
    assertThat(backfill.stats().scopesFilled()).isEqualTo(1);
    assertThat(restarted).hasSize(1);
    FailureRisk liveRisk = (FailureRisk) expected.get(0);
    FailureRisk restartedRisk = (FailureRisk) restarted.get(0);
    assertThat(restartedRisk.node()).isEqualTo(NODE);
    assertThat(restartedRisk.probability()).isCloseTo(liveRisk.probability(),
        Offset.offset(1e-12));
  }
}
