package dev.kelvin.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.telemetry.store.FakeInflux.FakeNanos;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Batching, spooling, replay, refusals and the alarm, driven one turn of the store's thread at
 * a time on a hand-moved clock, against a fake InfluxDB and a spool in memory.
 */
class InfluxStoreTest {
  private static final InfluxSettings SETTINGS = InfluxSettings
      .defaults(URI.create("http://127.0.0.1:8086"), "kelvin", Path.of("spool"))
      .withBatching(3, Duration.ofSeconds(1), 2)
      .withRetry(Duration.ofSeconds(1), Duration.ofSeconds(8));

  private final FakeNanos nanos = new FakeNanos();
  private final MutableClock clock = new MutableClock();
  private final FakeInflux influx = new FakeInflux(nanos);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger writerLog = (Logger) LoggerFactory.getLogger(SpoolingWriter.class);
  private InMemorySpool spool = new InMemorySpool(1 << 20);
  private InfluxStore store;

  @BeforeEach
  void captureLog() {
    logged.start();
    writerLog.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    writerLog.detachAppender(logged);
  }

  @Test
  void writes_a_batch_once_it_holds_its_maximum_number_of_points() throws Exception {
    store = newStore();
    accept(0, 5);
    store.runOnce(0);

    assertThat(influx.batchSizes()).containsExactly(3);
    assertThat(seqs(influx.stored())).containsExactly(0L, 1L, 2L);
    assertThat(store.stats().pointsWritten()).isEqualTo(3);
  }

  @Test
  void writes_a_partial_batch_once_its_oldest_point_has_waited_the_flush_interval()
      throws Exception {
    store = newStore();
    accept(0, 2);
    nanos.advanceMillis(999);
    store.runOnce(0);
    assertThat(influx.writes()).isZero();

    nanos.advanceMillis(1);
    store.runOnce(0);
    assertThat(influx.batchSizes()).containsExactly(2);
  }

  @Test
  void spools_batches_influxdb_does_not_take_and_replays_them_in_order_once_it_answers()
      throws Exception {
    store = newStore();
    influx.up(false);
    accept(0, 3);
    store.runOnce(0);
    accept(3, 6);
    store.runOnce(0);

    assertThat(influx.writes()).as("the second batch is spooled without a try").isEqualTo(1);
    assertThat(store.stats().spooledRecords()).isEqualTo(2);
    assertThat(store.stats().influxAnswering()).isFalse();
    assertThat(influx.stored()).isEmpty();

    influx.up(true);
    nanos.advanceMillis(1_000);
    store.runOnce(0);
    store.runOnce(0);

    assertThat(seqs(influx.stored())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    StoreStats stats = store.stats();
    assertThat(stats.spooledRecords()).isZero();
    assertThat(stats.pointsSpooled()).isEqualTo(6);
    assertThat(stats.pointsReplayed()).isEqualTo(6);
    assertThat(stats.pointsWritten()).isEqualTo(6);
    assertThat(stats.writeFailures()).isEqualTo(1);
    assertThat(stats.influxAnswering()).isTrue();
    assertThat(stats.lostTotal()).isZero();
  }

  @Test
  void tries_again_after_a_wait_that_doubles_with_each_failure_up_to_the_maximum()
      throws Exception {
    store = newStore();
    influx.up(false);
    accept(0, 3);
    store.runOnce(0);
    long[] waitsMillis = {1_000, 2_000, 4_000, 8_000, 8_000};
    for (long wait : waitsMillis) {
      int tries = influx.writes();
      nanos.advanceMillis(wait - 1);
      store.runOnce(0);
      assertThat(influx.writes()).as("no try before %d ms", wait).isEqualTo(tries);
      nanos.advanceMillis(1);
      store.runOnce(0);
      assertThat(influx.writes()).as("a try after %d ms", wait).isEqualTo(tries + 1);
    }
  }

  @Test
  void closing_replays_the_spool_while_influxdb_answers() throws Exception {
    store = newStore();
    influx.up(false);
    accept(0, 6);
    store.runOnce(0);
    assertThat(store.stats().spooledRecords()).isPositive();
    influx.up(true);

    store.close();

    assertThat(seqs(influx.stored())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(store.stats().spooledRecords()).isZero();
  }

  @Test
  void closing_leaves_the_spool_for_the_next_start_while_influxdb_does_not_answer()
      throws Exception {
    store = newStore();
    influx.up(false);
    accept(0, 6);
    store.runOnce(0);

    store.close();

    assertThat(influx.stored()).isEmpty();
    assertThat(store.stats().spooledRecords()).isPositive();
    assertThat(store.stats().lostTotal()).isZero();
  }

  @Test
  void replays_what_a_previous_run_spooled_before_it_writes_new_batches() throws Exception {
    spool.append("node,node=old,rack=r1,site=site-a seq=9i 1\n"
        .getBytes(StandardCharsets.UTF_8));
    store = newStore();
    accept(0, 3);
    store.runOnce(0);
    store.runOnce(0);

    assertThat(influx.stored()).hasSize(4);
    assertThat(influx.stored().get(0)).contains("node=old");
    assertThat(store.stats().pointsReplayed()).isEqualTo(4);
  }

  @Test
  void points_influxdb_refuses_for_good_are_counted_and_do_not_block_the_spool()
      throws Exception {
    store = newStore();
    influx.up(false);
    store.accept(Readings.reading().node("conflict-1").build(), clock.instant());
    accept(1, 3);
    store.runOnce(0);
    influx.up(true);
    nanos.advanceMillis(1_000);
    store.runOnce(0);

    StoreStats stats = store.stats();
    assertThat(stats.spooledRecords()).isZero();
    assertThat(stats.pointsRefused()).containsExactly(Map.entry("field_type_conflict", 1L));
    assertThat(stats.pointsWritten()).isEqualTo(2);
    assertThat(seqs(influx.stored())).containsExactly(1L, 2L);
    assertThat(warnings()).filteredOn(line -> line.startsWith("InfluxDB refused")).singleElement()
        .asString().contains("refused 1 of 3 points for good as field_type_conflict");
  }

  @Test
  void a_full_spool_raises_the_alarm_once_and_counts_the_points_it_could_not_keep()
      throws Exception {
    spool = new InMemorySpool(1_000);
    store = newStore();
    influx.up(false);
    for (int batch = 0; batch < 4; batch++) {
      accept(batch * 3, batch * 3 + 3);
      store.runOnce(0);
    }

    StoreStats full = store.stats();
    assertThat(full.spoolAlarm()).isTrue();
    assertThat(full.spooledRecords()).isEqualTo(1);
    assertThat(full.pointsLost()).containsExactly(Map.entry("spool_full", 9L));
    assertThat(errors()).singleElement().asString().contains("spool is full");

    influx.up(true);
    nanos.advanceMillis(1_000);
    store.runOnce(0);
    store.runOnce(0);
    assertThat(store.stats().spoolAlarm()).isFalse();
    assertThat(seqs(influx.stored())).containsExactly(0L, 1L, 2L);
  }

  @Test
  void the_alarm_stays_raised_while_the_spool_still_counts_itself_full() throws Exception {
    spool = new InMemorySpool(2_000);
    store = newStore();
    influx.up(false);
    for (int batch = 0; batch < 3; batch++) {
      accept(batch * 3, batch * 3 + 3);
      store.runOnce(0);
    }
    assertThat(store.stats().spoolAlarm()).isTrue();

    spool.holdFullAlarm(true);
    influx.up(true);
    nanos.advanceMillis(1_000);
    store.runOnce(0);
    accept(9, 12);
    store.runOnce(0);
    assertThat(spool.stats().records()).as("an append went through").isEqualTo(1);
    assertThat(store.stats().spoolAlarm()).isTrue();

    spool.holdFullAlarm(false);
    store.runOnce(0);
    store.runOnce(0);
    assertThat(store.stats().spoolAlarm()).isFalse();
    assertThat(seqs(influx.stored())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 9L, 10L, 11L);
  }

  @Test
  void a_batch_the_full_spool_refuses_is_written_directly_while_influxdb_answers()
      throws Exception {
    spool = new InMemorySpool(60);
    spool.append("node,node=old,rack=r1,site=site-a seq=9i 1\n"
        .getBytes(StandardCharsets.UTF_8));
    store = newStore();
    accept(0, 3);
    store.runOnce(0);

    assertThat(store.stats().lostTotal()).isZero();
    assertThat(influx.stored()).hasSize(4);
  }

  @Test
  void a_failing_spool_disk_raises_the_alarm_and_counts_the_lost_points() throws Exception {
    store = newStore();
    spool.breakDisk(true);
    influx.up(false);
    accept(0, 3);
    store.runOnce(0);
    nanos.advanceMillis(1_000);
    accept(3, 6);
    store.runOnce(0);

    assertThat(store.stats().pointsLost()).containsExactly(Map.entry("spool_failed", 6L));
    assertThat(store.stats().spoolAlarm()).isTrue();
    assertThat(errors()).singleElement().asString().contains("the spool failed");
  }

  @Test
  void a_full_batch_goes_to_the_spool_from_the_ingesting_thread_when_the_queue_is_full()
      throws Exception {
    store = newStore();
    accept(0, 9);
    assertThat(spool.stats().records()).as("the third full batch").isEqualTo(1);

    for (int turn = 0; turn < 4; turn++) {
      store.runOnce(0);
    }
    assertThat(seqs(influx.stored())).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L,
        8L);
    assertThat(store.stats().lostTotal()).isZero();
  }

  @Test
  void close_writes_what_it_holds_and_closes_the_writer_and_the_spool() {
    store = newStore();
    accept(0, 2);
    store.close();

    assertThat(influx.batchSizes()).containsExactly(2);
    assertThat(influx.closed()).isTrue();
    assertThat(spool.closed()).isTrue();
    assertThat(store.stats().pointsWritten()).isEqualTo(2);
  }

  @Test
  void close_spools_what_it_holds_while_influxdb_is_down_for_the_next_run_to_replay()
      throws Exception {
    store = newStore();
    influx.up(false);
    accept(0, 2);
    store.close();
    assertThat(store.stats().spooledRecords()).isEqualTo(1);

    spool.reopen();
    influx.up(true);
    InfluxStore next = newStore();
    next.runOnce(0);
    assertThat(seqs(influx.stored())).containsExactly(0L, 1L);
  }

  @Test
  void readings_offered_after_close_are_counted_as_lost() {
    store = newStore();
    store.close();
    accept(0, 1);

    assertThat(store.stats().pointsLost()).containsExactly(Map.entry("closed", 1L));
  }

  @Test
  void facility_readings_and_actions_share_the_batches_of_node_readings() throws Exception {
    store = newStore();
    store.accept(Readings.reading().build(), clock.instant());
    store.acceptFacility(new FacilityReading(new SensorId("ups-1"), SiteId.of("site-a"),
        clock.instant(), FacilityKind.UPS_ON_BATTERY, 1), clock.instant());
    store.recordAction(AuditEvent.of(clock.instant(), AuditStage.APPROVED, new DrainNode(
        new ActionMeta(new ActionId("a-9"), "drain", "failing", List.of(), clock.instant(),
            Duration.ZERO), NodeId.of("site-a", "n01")), "approved"));
    store.runOnce(0);

    assertThat(influx.stored()).extracting(line -> line.substring(0, line.indexOf(',')))
        .containsExactly("node", "facility", "action");
  }

  @Test
  void reports_the_write_latency_and_the_replay_rate() throws Exception {
    store = newStore();
    influx.writeTakes(Duration.ofMillis(5).toNanos());
    influx.up(false);
    accept(0, 6);
    store.runOnce(0);
    influx.up(true);
    nanos.advanceMillis(1_000);
    store.runOnce(0);
    store.runOnce(0);

    StoreStats stats = store.stats();
    assertThat(stats.writeLatencyP50()).isEqualTo(Duration.ofMillis(5));
    assertThat(stats.writeLatencyP99()).isEqualTo(Duration.ofMillis(5));
    assertThat(stats.replayPointsPerSecond()).isEqualTo(0.6);
  }

  private InfluxStore newStore() {
    return new InfluxStore(SETTINGS, influx, spool, clock, nanos);
  }

  /** Accepts readings with seq from {@code from} (inclusive) to {@code to}, 1 ms apart. */
  private void accept(int from, int to) {
    IntStream.range(from, to).forEach(seq -> store.accept(Readings.reading().seq(seq)
        .at(MutableClock.START.plusMillis(seq)).build(), Instant.EPOCH));
  }

  private static List<Long> seqs(List<String> lines) {
    return lines.stream().map(line -> Long.parseLong(line.replaceAll(".*seq=(\\d+)i.*", "$1")))
        .toList();
  }

  private List<String> warnings() {
    return messages(Level.WARN);
  }

  private List<String> errors() {
    return messages(Level.ERROR);
  }

  private List<String> messages(Level level) {
    return logged.list.stream().filter(event -> event.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }
}
