package dev.kelvin.app.controller;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.predictor.history.BackfillResult;
import dev.kelvin.predictor.history.BackfillStats;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.telemetry.store.history.HistoryDatabase;
import dev.kelvin.telemetry.store.history.InfluxHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What reading the load model's history back costs per node against the real InfluxDB: a day
 * of 5-minute steps (power and utilisation per node) for nodes that reported
 * every {@link #SPARSE} and for nodes that reported every second, with one query in flight and
 * with {@link HistoryBackfill#DEFAULT_PARALLEL_QUERIES}; and what the one {@code sitePower}
 * query of a day would cost instead of summing the nodes. Logs the figures.
 */
class LoadBackfillLatencyIT {
  private static final Logger LOG = LoggerFactory.getLogger(LoadBackfillLatencyIT.class);
  private static final Duration STEP = Duration.ofMinutes(5);
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration SPARSE = Duration.ofSeconds(30);
  private static final int SPARSE_NODES = 200;
  private static final int DENSE_NODES = 8;
  /**
   * The end of the history read back: a fixed time (the test database keeps every point),
   * within a step, as a clock's reading is.
   */
  private static final Instant NOW = Instant.parse("2026-01-02T23:57:30Z");
  private static final Instant FIRST = NOW.minus(DAY).minus(STEP.multipliedBy(2));

  @TempDir
  Path spoolDir;
  private HistoryDatabase db;

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }

  private static List<ForecastScope> scopes(String site, int nodes) {
    List<ForecastScope> scopes = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      scopes.add(ForecastScope.node(NodeId.of(site, "n" + n)));
    }
    scopes.add(ForecastScope.site(SiteId.of(site)));
    return scopes;
  }

  private void write(String site, int nodes, Duration every) {
    db.write(sink -> {
      long i = 0;
      for (Instant at = FIRST; at.isBefore(NOW); at = at.plus(every), i++) {
        for (int n = 0; n < nodes; n++) {
          sink.accept(reading().node(NodeId.of(site, "n" + n)).at(at).seq(i)
              .with(NodeMetric.POWER_WATTS, 200 + n + i % 7)
              .with(NodeMetric.CPU_UTIL_RATIO, 0.5).build());
        }
      }
    });
  }

  @Test
  void reads_a_day_back_per_node_in_milliseconds_and_faster_with_queries_in_parallel()
      throws Exception {
    db = new HistoryDatabase(spoolDir);
    long writeStart = System.nanoTime();
    write("sparse", SPARSE_NODES, SPARSE);
    write("dense", DENSE_NODES, Duration.ofSeconds(1));
    LOG.info(String.format(Locale.ROOT, "LoadBackfillLatencyIT: wrote a day of %d nodes every"
        + " %d s and %d nodes every second in %.1f s", SPARSE_NODES, SPARSE.toSeconds(),
        DENSE_NODES, (System.nanoTime() - writeStart) / 1e9));

    try (InfluxHistory history = new InfluxHistory(db.settings())) {
      for (String site : List.of("sparse", "dense")) {
        long start = System.nanoTime();
        int points = history.sitePower(Optional.of(SiteId.of(site)), NOW.minus(DAY),
            NOW, STEP).size();
        LOG.info(String.format(Locale.ROOT, "LoadBackfillLatencyIT: sitePower of the %s site,"
            + " a day at 5 min: %d points in %.0f ms", site, points,
            (System.nanoTime() - start) / 1e6));
      }
      for (int parallel : new int[] {1, HistoryBackfill.DEFAULT_PARALLEL_QUERIES}) {
        measure(history, "sparse", SPARSE_NODES, parallel);
        measure(history, "dense", DENSE_NODES, parallel);
      }
    }
  }

  private void measure(InfluxHistory history, String site, int nodes, int parallel)
      throws Exception {
    long firstStep = Math.floorDiv(NOW.toEpochMilli(), STEP.toMillis()) - 289;
    try (HistoryBackfill backfill = HistoryBackfill.of(history, parallel, System::nanoTime)) {
      long start = System.nanoTime();
      List<BackfillResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();
      backfill.fetch(scopes(site, nodes), firstStep, NOW, STEP, NOW, results::add)
          .get(5, TimeUnit.MINUTES);
      double wallMs = (System.nanoTime() - start) / 1e6;
      BackfillStats stats = backfill.stats();
      LOG.info(String.format(Locale.ROOT, "LoadBackfillLatencyIT: %s site, %d nodes, %d"
          + " in parallel: %.0f ms in all, %.2f ms per node, %.2f ms per query (%d queries,"
          + " %d steps read)", site, nodes, parallel, wallMs, wallMs / nodes,
          stats.meanQueryTime().toNanos() / 1e6, stats.queries(), stats.points()));
      assertThat(results).allSatisfy(result -> assertThat(result.failure()).isEmpty());
      assertThat(results.stream().flatMap(result -> result.steps().stream()))
          .hasSize(nodes + 1).allSatisfy(steps -> assertThat(steps.power()).hasSize(290));
      assertThat(stats.points()).as("a day of steps per node, power and utilisation")
          .isGreaterThanOrEqualTo(2L * nodes * 288);
    }
  }
}
