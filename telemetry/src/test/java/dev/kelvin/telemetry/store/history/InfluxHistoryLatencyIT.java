package dev.kelvin.telemetry.store.history;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.port.HistorySource.PowerPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the dashboard's question takes on a full site: one hour at 10 s steps over 1,000
 * nodes that each reported every 5 s (720,000 readings), asked several times; prints the
 * figures (a measurement for people, asserted on nowhere: speed targets live in benchmarks) and
 * checks every step's sum against what was written.
 */
class InfluxHistoryLatencyIT {
  private static final Logger LOG = LoggerFactory.getLogger(InfluxHistoryLatencyIT.class);
  private static final int NODES = 1_000;
  private static final Duration EVERY = Duration.ofSeconds(5);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration STEP = Duration.ofSeconds(10);
  private static final Instant T0 = Instant.parse("2026-01-02T10:00:00Z");
  private static final int QUERIES = 10;

  @TempDir
  Path spoolDir;
  private HistoryDatabase db;

  @AfterEach
  void drop() {
    db.close();
  }

  /** Node {@code n} draws 100 + n W, plus 1 W on every second reading. */
  private static double watts(int node, long tick) {
    return 100 + node + (tick % 2);
  }

  @Test
  void answers_an_hour_of_a_thousand_nodes_at_10_s_steps_with_every_step_summed() {
    db = new HistoryDatabase(spoolDir);
    long ticks = HOUR.dividedBy(EVERY);
    long writeStart = System.nanoTime();
    db.write(sink -> {
      for (long tick = 0; tick < ticks; tick++) {
        Instant at = T0.plus(EVERY.multipliedBy(tick));
        for (int node = 0; node < NODES; node++) {
          sink.accept(reading().node(NodeId.of("site-a", "n" + node)).at(at).seq(tick)
              .with(NodeMetric.POWER_WATTS, watts(node, tick)).build());
        }
      }
    });
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

    long[] micros = new long[QUERIES];
    List<PowerPoint> points = List.of();
    try (InfluxHistory history = new InfluxHistory(db.settings())) {
      for (int i = 0; i < QUERIES; i++) {
        long start = System.nanoTime();
        points = history.sitePower(Optional.empty(), T0, T0.plus(HOUR), STEP);
        micros[i] = (System.nanoTime() - start) / 1_000;
      }
    }
    Arrays.sort(micros);
    LOG.info(String.format(Locale.ROOT, "InfluxHistoryLatencyIT: wrote %d readings in %.1f s;"
        + " one hour at 10 s steps over %d nodes, %d points: min %.0f ms, median %.0f ms,"
        + " max %.0f ms (%d queries)", ticks * NODES, writeSeconds, NODES, points.size(),
        micros[0] / 1e3, micros[QUERIES / 2] / 1e3, micros[QUERIES - 1] / 1e3, QUERIES));

    double expected = NODES * 100.5 + NODES * (NODES - 1) / 2.0;
    assertThat(points).hasSize((int) HOUR.dividedBy(STEP));
    assertThat(points.get(0)).isEqualTo(new PowerPoint(T0, expected));
    assertThat(points).allSatisfy(point -> assertThat(point.totalPowerWatts())
        .isCloseTo(expected, Offset.offset(1e-6)));
  }
}
