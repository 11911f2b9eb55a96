package dev.kelvin.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.wire.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Locale;

/**
 * The must-show "the broker restarted mid-stream → none lost": 200 real node agents at 1 Hz
 * publish through a real Mosquitto (one of the test's own, {@link PrivateMosquitto}, persistence
 * on) into Kelvin's ingest (its persistent session, {@link KelvinIngest}) and the real InfluxDB;
 * the broker is stopped for real mid-stream ({@code scripts/services.sh stop mosquitto}, SIGTERM)
 * and started again. Afterwards every reading the agents made is in InfluxDB, counted by a query
 * per node (seq 0 to the last, no gap), none twice. An agent resends what the broker took but
 * could not acknowledge before it stopped; the ingest drops such a redelivery as a duplicate
 * while the reading is in the state's window, and otherwise stores it again, which InfluxDB
 * takes as the same point (measurement, tags, time). {@code -Dkelvin.it.restart_nodes=N}
 * and {@code -Dkelvin.it.restart_outage_s=S} change the fleet and the outage.
 */
class BrokerRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
  private static final int NODES = Integer.getInteger("kelvin.it.restart_nodes", 200);
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration OUTAGE =
      Duration.ofSeconds(Integer.getInteger("kelvin.it.restart_outage_s", 10));
  private static final Duration STEADY = Duration.ofSeconds(10);
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** {@code -Dkelvin.it.restart_persistence=false} shows what a broker without it loses. */
  private static final boolean PERSISTENCE =
      Boolean.parseBoolean(System.getProperty("kelvin.it.restart_persistence", "true"));

  @TempDir
  Path folder;

  @Test
  @Timeout(value = 360, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void stores_every_reading_once_when_the_broker_restarts_mid_stream() throws Exception {
    Topics topics = TestServices.uniqueTopics();
    try (PrivateMosquitto broker = new PrivateMosquitto(folder.resolve("mosquitto"),
        PERSISTENCE);
        RestartDatabase db = new RestartDatabase();
        KelvinIngest ingest = new KelvinIngest(broker.endpoint(), topics,
            db.settings(folder.resolve("spool")));
        AgentFleet fleet = new AgentFleet(broker.endpoint(), topics, NODES, INTERVAL)) {
      await().atMost(WAIT).until(() -> ingest.kept() >= 3L * NODES);
      Thread.sleep(STEADY.toMillis());

      Restart restart = restart(broker, ingest, fleet);
      Thread.sleep(STEADY.toMillis());
      fleet.stopSampling();
      long produced = fleet.produced();
      settle(fleet, ingest, produced);
      ingest.close();
      report(fleet, ingest, restart);

      assertThat(fleet.produced()).as("no reading made after sampling stopped")
          .isEqualTo(produced);
      assertThat(fleet.dropped()).as("readings the agents dropped").isZero();
      assertThat(fleet.published()).as("readings the broker acknowledged").isEqualTo(produced);
      assertThat(ingest.shed()).as("readings the ingest backlog shed").isZero();
      assertThat(ingest.counts().rejected()).as("rejected readings by reason")
          .allSatisfy((reason, count) -> assertThat(reason).as("%d rejected as %s", count,
              reason.label()).isEqualTo(RejectReason.DUPLICATE));
      assertThat(ingest.kept()).as("readings kept by Kelvin's ingest (a redelivered one older"
          + " than the state's window is kept again)").isGreaterThanOrEqualTo(produced);
      assertThat(ingest.storeStats().pointsWritten()).as("points written to InfluxDB")
          .isEqualTo(ingest.kept());
      assertThat(ingest.storeStats().lostTotal()).isZero();
      assertEveryReadingStoredOnce(db, fleet, produced);
    }
  }

  /**
   * Waits until the agents' backlogs are empty and the ingest has kept every reading made, or
   * has applied all it received and kept no more for {@link #STEADY}: the assertions then say
   * what is missing.
   */
  private static void settle(AgentFleet fleet, KelvinIngest ingest, long produced) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> fleet.backlog() == 0);
    long[] seen = {-1};
    long[] since = {System.nanoTime()};
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      long kept = ingest.kept();
      if (kept != seen[0]) {
        seen[0] = kept;
        since[0] = System.nanoTime();
      }
      return kept >= produced || ingest.waiting() == 0
          && System.nanoTime() - since[0] > STEADY.toNanos();
    });
  }

  /** Each node's seq 0..n-1 once in InfluxDB, n being the readings its agent made. */
  private static void assertEveryReadingStoredOnce(RestartDatabase db, AgentFleet fleet,
      long produced) {
    List<List<Object>> perNode = db.rows(
        "SELECT count(seq), min(seq), max(seq) FROM node GROUP BY node");
    assertThat(perNode).as("one row per node").hasSize(fleet.size());
    long stored = 0;
    for (List<Object> row : perNode) {
      int index = Integer.parseInt(((String) row.get(0)).substring(1));
      long count = number(row.get(2));
      assertThat(List.of(count, number(row.get(3)), number(row.get(4))))
          .as("count, min and max seq of %s", row.get(0))
          .containsExactly(fleet.produced(index), 0L, fleet.produced(index) - 1);
      stored += count;
    }
    assertThat(stored).as("readings in InfluxDB, counted by a query").isEqualTo(produced);
  }

  private static long number(Object value) {
    return Math.round(((Number) value).doubleValue());
  }

  /** Stops the broker for {@link #OUTAGE}, starts it, and waits for everyone to reconnect. */
  private static Restart restart(PrivateMosquitto broker, KelvinIngest ingest,
      AgentFleet fleet) throws InterruptedException {
    long readingsBefore = fleet.produced();
    Instant stopped = Instant.now();
    broker.stop();
    await().atMost(WAIT).until(() -> !ingest.connected() && fleet.connected() == 0);
    Thread.sleep(OUTAGE.toMillis());
    long peakBacklog = fleet.backlog();
    Instant started = Instant.now();
    broker.start();
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(ingest::connected);
    Duration ingestBack = Duration.between(started, Instant.now());
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
        .until(() -> fleet.connected() == fleet.size());
    Duration agentsBack = Duration.between(started, Instant.now());
    assertThat(ingest.session().connectionsLost()).as("the ingest session saw the broker go")
        .isEqualTo(1);
    return new Restart(readingsBefore, stopped, started, peakBacklog, ingestBack, agentsBack);
  }

  private record Restart(long readingsBefore, Instant stopped, Instant started,
      long peakBacklog, Duration ingestBack, Duration agentsBack) {}

  private static void report(AgentFleet fleet, KelvinIngest ingest, Restart restart) {
    Instant lastDelayed = ingest.lastDelayedAt();
    LOG.info(String.format(Locale.ROOT, "BrokerRestartIT: %d agents at 1 Hz, %d readings (%d before the stop);"
        + " Mosquitto down %.1f s (stop to start); back to ingest %.1f s and to every agent"
        + " %.1f s after its start; %d readings waiting in the agents at the start; %d"
        + " readings arrived more than %d s late, the last %.1f s after the start, the latest"
        + " %.1f s late; %d redeliveries dropped as duplicates by the ingest, %d written again"
        + " (InfluxDB keeps one point each); %d points written%n",
        fleet.size(), fleet.produced(), restart.readingsBefore(),
        seconds(Duration.between(restart.stopped(), restart.started())),
        seconds(restart.ingestBack()), seconds(restart.agentsBack()), restart.peakBacklog(),
        ingest.delayed(), KelvinIngest.DELAYED.toSeconds(), lastDelayed == null ? 0
            : seconds(Duration.between(restart.started(), lastDelayed)),
        seconds(ingest.maxDelay()), ingest.counts().rejected().getOrDefault(
            RejectReason.DUPLICATE, 0L), ingest.kept() - fleet.produced(),
        ingest.storeStats().pointsWritten()).strip());
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
