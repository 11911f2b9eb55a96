package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.backlog.BacklogSettings;
import dev.kelvin.core.backlog.ShedReason;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.Acknowledgement;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The hand-off from the delivery thread to the state, in virtual time. */
class IngestWorkerTest {
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-a", "n02");
  private static final Topics TOPICS = Topics.defaults();

  private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.START);
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final IngestCounters counters = new IngestCounters();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger workerLog = (Logger) LoggerFactory.getLogger(IngestWorker.class);

  @BeforeEach
  void captureLog() {
    logged.start();
    workerLog.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    workerLog.detachAppender(logged);
  }

  @Test
  void nothing_is_applied_on_the_delivery_thread_and_everything_in_order_on_the_scheduler()
      throws Exception {
    IngestWorker worker = worker(BacklogSettings.defaults());
    for (int seq = 1; seq <= 3; seq++) {
      receive(worker, N01, seq, scheduler.now().minusMillis(10 - seq));
    }
    assertThat(state.nodeCount()).as("before the scheduler ran").isZero();
    assertThat(worker.monitor().backlog(scheduler.now()).readings()).isEqualTo(3);

    scheduler.runDue();

    assertThat(latest(N01).seq()).isEqualTo(3);
    assertThat(counters.stats().accepted()).isEqualTo(3);
    assertThat(worker.monitor().backlog(scheduler.now()).readings()).isZero();
  }

  @Test
  void a_burst_beyond_the_coalescing_mark_keeps_each_nodes_newest_reading_and_counts_the_rest()
      throws Exception {
    IngestWorker worker = worker(new BacklogSettings(4, 100, Duration.ofSeconds(5),
        Duration.ofSeconds(30)));
    Instant at = scheduler.now();
    for (int seq = 1; seq <= 10; seq++) {
      receive(worker, N01, seq, at.plusMillis(seq));
      receive(worker, N02, seq, at.plusMillis(seq));
    }

    scheduler.runDue();

    assertThat(latest(N01).seq()).isEqualTo(10);
    assertThat(latest(N02).seq()).isEqualTo(10);
    long shed = worker.shed(ShedReason.SUPERSEDED);
    assertThat(shed).isPositive();
    assertThat(counters.stats().accepted() + shed).as("every reading applied or shed")
        .isEqualTo(20);
    assertThat(counters.stats().late()).as("order per node kept").isZero();
    assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
        .extracting(ILoggingEvent::getFormattedMessage).asString()
        .contains("as superseded").contains("each node's newest reading is kept");
  }

  @Test
  void each_message_is_acknowledged_in_arrival_order_once_applied_or_shed() throws Exception {
    IngestWorker worker = worker(new BacklogSettings(2, 100, Duration.ofSeconds(5),
        Duration.ofSeconds(30)));
    java.util.List<Long> acknowledged = new java.util.ArrayList<>();
    for (int seq = 1; seq <= 4; seq++) {
      long sent = seq;
      receive(worker, N01, seq, scheduler.now(), () -> acknowledged.add(sent));
    }
    assertThat(acknowledged).as("nothing applied yet").isEmpty();
    assertThat(worker.unacknowledged()).isEqualTo(4);

    scheduler.runDue();

    assertThat(worker.shed(ShedReason.SUPERSEDED)).as("two replaced by a newer one").isEqualTo(2);
    assertThat(acknowledged).containsExactly(1L, 2L, 3L, 4L);
    assertThat(worker.unacknowledged()).isZero();
  }

  @Test
  void more_than_one_batch_is_applied_without_starving_the_scheduler() throws Exception {
    IngestWorker worker = worker(BacklogSettings.defaults());
    int count = IngestWorker.BATCH * 2 + 10;
    for (int seq = 1; seq <= count; seq++) {
      receive(worker, N01, seq, scheduler.now().minusMillis(count - seq));
    }

    scheduler.runDue();

    assertThat(counters.stats().accepted()).isEqualTo(count);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void readings_that_arrive_late_tell_the_monitor_the_node_still_arrives_and_how_late()
      throws Exception {
    IngestWorker worker = worker(BacklogSettings.defaults());
    receive(worker, N01, 1, scheduler.now().minusSeconds(12));

    scheduler.runDue();

    assertThat(counters.stats().late()).as("too old for the live view").isEqualTo(1);
    assertThat(worker.monitor().stillArriving(N01, scheduler.now())).isTrue();
    assertThat(worker.monitor().backlog(scheduler.now()).arrivalLag())
        .hasValue(Duration.ofSeconds(12));
    assertThat(worker.monitor().blind(scheduler.now())).isPresent();
  }

  private IngestWorker worker(BacklogSettings settings) {
    IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(TOPICS, 65_536), state,
        counters, (reading, at) -> { }, scheduler.clock(), Duration.ofMinutes(1));
    return new IngestWorker(pipeline, settings, state.settings().staleAfter(),
        state.settings().maxNodes(), scheduler, Duration.ofMinutes(1));
  }

  private void receive(IngestWorker worker, NodeId node, long seq, Instant at)
      throws Exception {
    receive(worker, node, seq, at, Acknowledgement.NONE);
  }

  private void receive(IngestWorker worker, NodeId node, long seq, Instant at,
      Acknowledgement ack) throws Exception {
    byte[] payload = new ObjectMapper().writeValueAsBytes(TelemetryWire.encode(
        Readings.reading().node(node).at(at).seq(seq).build()));
    worker.received(TOPICS.nodeTelemetry(node), payload, scheduler.now(), ack);
  }

  private dev.kelvin.core.model.NodeReading latest(NodeId node) {
    NodeView view = state.snapshot(scheduler.now()).node(node).orElseThrow();
    return view.latest();
  }
}
