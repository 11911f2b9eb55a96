package dev.kelvin.telemetry.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.ingest.RejectSample;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.state.Admission;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Admission, counting, storing and reject logging, through the real decoder and state. */
class IngestPipelineTest {
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-a", "n02");
  private static final Topics TOPICS = Topics.defaults();
  private static final Duration LOG_PERIOD = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock();
  private final IngestCounters counters = new IngestCounters();
  private final List<NodeReading> stored = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger pipelineLog = (Logger) LoggerFactory.getLogger(IngestPipeline.class);

  @BeforeEach
  void captureLog() {
    logged.start();
    pipelineLog.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    pipelineLog.detachAppender(logged);
  }

  @Test
  void accepted_readings_reach_the_cluster_state_and_the_store() throws Exception {
    ClusterState state = openState();
    NodeReading reading = Readings.reading().node(N01).at(clock.instant()).seq(7)
        .with(NodeMetric.POWER_WATTS, 412.5).build();

    IngestResult result = only(pipeline(state).ingest(TOPICS.nodeTelemetry(N01), json(reading),
        clock.instant()));

    assertThat(result).isEqualTo(new IngestResult.Kept(reading, Admission.ACCEPTED));
    NodeView view = state.snapshot(clock.instant()).node(N01).orElseThrow();
    assertThat(view.latest()).isEqualTo(reading);
    assertThat(view.latest(NodeMetric.POWER_WATTS)).hasValue(412.5);
    assertThat(stored).containsExactly(reading);
    assertThat(counters.stats().accepted()).isEqualTo(1);
    assertThat(counters.stats().rejectedTotal()).isZero();
  }

  @Test
  void late_readings_are_counted_as_late_and_stored_but_kept_out_of_the_live_view()
      throws Exception {
    ClusterState state = openState();
    IngestPipeline pipeline = pipeline(state);
    NodeReading newer = Readings.reading().node(N01).at(clock.instant()).seq(2).build();
    NodeReading older = Readings.reading().node(N01).at(clock.instant().minusSeconds(10))
        .seq(1).build();
    pipeline.ingest(TOPICS.nodeTelemetry(N01), json(newer), clock.instant());

    IngestResult result = only(pipeline.ingest(TOPICS.nodeTelemetry(N01), json(older),
        clock.instant()));

    assertThat(result).isEqualTo(new IngestResult.Kept(older, Admission.LATE));
    assertThat(state.snapshot(clock.instant()).node(N01).orElseThrow().latest())
        .isEqualTo(newer);
    assertThat(stored).containsExactly(newer, older);
    assertThat(counters.stats().late()).isEqualTo(1);
    assertThat(counters.stats().accepted()).isEqualTo(1);
  }

  @Test
  void a_repeated_reading_is_rejected_as_duplicate_naming_its_seq() throws Exception {
    IngestPipeline pipeline = pipeline(openState());
    byte[] payload = json(Readings.reading().node(N01).at(clock.instant()).seq(5).build());
    pipeline.ingest(TOPICS.nodeTelemetry(N01), payload, clock.instant());

    RejectSample sample = rejected(only(pipeline.ingest(TOPICS.nodeTelemetry(N01), payload,
        clock.instant())));

    assertThat(sample.reason()).isEqualTo(RejectReason.DUPLICATE);
    assertThat(sample.field()).isEqualTo("seq");
    assertThat(sample.message()).contains("seq 5", "arrived before");
    assertThat(counters.rejectedCount(RejectReason.DUPLICATE)).isEqualTo(1);
    assertThat(stored).hasSize(1);
  }

  @Test
  void a_reading_from_the_future_is_rejected_as_clock_skew() throws Exception {
    Instant ahead = clock.instant().plusSeconds(60);
    byte[] payload = json(Readings.reading().node(N01).at(ahead).build());

    RejectSample sample = rejected(only(pipeline(openState()).ingest(TOPICS.nodeTelemetry(N01),
        payload, clock.instant())));

    assertThat(sample.reason()).isEqualTo(RejectReason.CLOCK_SKEW);
    assertThat(sample.field()).isEqualTo("ts_ms");
    assertThat(sample.message()).contains("60000 ms ahead", "more than the 2000 ms allowed",
        "NTP");
    assertThat(stored).isEmpty();
  }

  @Test
  void a_reading_stamped_ahead_hides_no_real_reading_and_leaves_no_trace() throws Exception {
    ClusterState state = openState();
    IngestPipeline pipeline = pipeline(state);
    byte[] ahead = json(Readings.reading().node(N01).at(clock.instant().plusSeconds(30)).seq(1)
        .with(NodeMetric.CPU_TEMP_CELSIUS, 99).build());

    IngestResult forged = only(pipeline.ingest(TOPICS.nodeTelemetry(N01), ahead,
        clock.instant()));
    assertThat(state.snapshot(clock.instant()).node(N01)).as("no node from a refused reading")
        .isEmpty();
    List<IngestResult> real = new ArrayList<>();
    for (int seq = 2; seq <= 4; seq++) {
      clock.advance(Duration.ofSeconds(1));
      real.add(only(pipeline.ingest(TOPICS.nodeTelemetry(N01), json(Readings.reading().node(N01)
          .at(clock.instant()).seq(seq).with(NodeMetric.CPU_TEMP_CELSIUS, 60).build()),
          clock.instant())));
    }

    assertThat(rejected(forged).reason()).isEqualTo(RejectReason.CLOCK_SKEW);
    assertThat(real).allSatisfy(result -> assertThat(result).isInstanceOfSatisfying(
        IngestResult.Kept.class, kept -> assertThat(kept.admission())
            .isEqualTo(Admission.ACCEPTED)));
    NodeView view = state.snapshot(clock.instant()).node(N01).orElseThrow();
    assertThat(view.window()).extracting(NodeReading::seq).containsExactly(2L, 3L, 4L);
    assertThat(view.latest(NodeMetric.CPU_TEMP_CELSIUS)).hasValue(60);
    assertThat(counters.stats().late()).isZero();
    assertThat(counters.stats().accepted()).isEqualTo(3);
  }

  @Test
  void a_node_outside_a_closed_inventory_is_rejected_as_unknown() throws Exception {
    ClusterState state = new ClusterState(StateSettings.defaults().withInventory(Set.of(N01)));
    byte[] payload = json(Readings.reading().node(N02).at(clock.instant()).build());

    RejectSample sample = rejected(only(pipeline(state).ingest(TOPICS.nodeTelemetry(N02), payload,
        clock.instant())));

    assertThat(sample.reason()).isEqualTo(RejectReason.UNKNOWN_NODE);
    assertThat(sample.field()).isEqualTo("node");
    assertThat(sample.message()).contains("site-a/n02", "inventory");
    assertThat(state.nodeCount()).isZero();
  }

  @Test
  void every_reject_is_counted_with_a_sample_naming_topic_reason_field_and_time() {
    IngestPipeline pipeline = pipeline(openState());
    String topic = TOPICS.nodeTelemetry(N01);

    pipeline.ingest(topic, bytes("{\"v\":1,"), clock.instant());
    pipeline.ingest(topic, bytes("[]"), clock.instant());
    pipeline.ingest("not/a/kelvin/topic", bytes("{}"), clock.instant());

    IngestStats stats = counters.stats();
    assertThat(stats.rejected()).containsOnly(Map.entry(RejectReason.MALFORMED, 2L),
        Map.entry(RejectReason.BAD_TOPIC, 1L));
    assertThat(stats.recentRejects()).extracting(RejectSample::source, RejectSample::reason,
            RejectSample::field)
        .containsExactly(
            tuple(topic, RejectReason.MALFORMED, "payload"),
            tuple(topic, RejectReason.MALFORMED, "payload"),
            tuple("not/a/kelvin/topic", RejectReason.BAD_TOPIC,
                "topic"));
    assertThat(stats.recentRejects()).allSatisfy(sample ->
        assertThat(sample.at()).isEqualTo(clock.instant()));
    assertThat(stats.accepted()).isZero();
  }

  @Test
  void logs_a_reject_once_per_node_per_period_while_counting_every_one() {
    IngestPipeline pipeline = pipeline(openState());
    for (int i = 0; i < 5; i++) {
      pipeline.ingest(TOPICS.nodeTelemetry(N01), bytes("garbage"), clock.instant());
      pipeline.ingest(TOPICS.nodeTelemetry(N02), bytes("garbage"), clock.instant());
      pipeline.ingest("elsewhere/topic", bytes("garbage"), clock.instant());
    }
    assertThat(warnings()).hasSize(3);
    assertThat(warnings()).anySatisfy(line -> assertThat(line).contains("site-a/n01"))
        .anySatisfy(line -> assertThat(line).contains("site-a/n02"))
        .anySatisfy(line -> assertThat(line).contains("elsewhere/topic"));

    clock.advance(LOG_PERIOD.minusSeconds(1));
    pipeline.ingest(TOPICS.nodeTelemetry(N01), bytes("garbage"), clock.instant());
    assertThat(warnings()).hasSize(3);

    clock.advance(Duration.ofSeconds(1));
    pipeline.ingest(TOPICS.nodeTelemetry(N01), bytes("garbage"), clock.instant());
    assertThat(warnings()).hasSize(4);
    assertThat(counters.rejectedCount(RejectReason.MALFORMED)).isEqualTo(12);
    assertThat(counters.rejectedCount(RejectReason.BAD_TOPIC)).isEqualTo(5);
  }

  @Test
  void a_65_kB_topic_is_shown_as_a_short_escaped_prefix_in_the_sample_and_the_log_line() {
    String topic = "junk\n" + "x".repeat(65_530);

    RejectSample sample = rejected(only(pipeline(openState()).ingest(topic, bytes("{}"),
        clock.instant())));

    assertThat(sample.source()).startsWith("junk\\u000axxx").endsWith("... (65535 chars)")
        .hasSizeLessThan(150);
    assertThat(sample.message()).hasSizeLessThan(150);
    assertThat(warnings()).singleElement().satisfies(line -> assertThat(line)
        .hasSizeLessThan(400).doesNotContain("\n").contains("(65535 chars)"));
  }

  @Test
  void junk_shares_one_log_line_per_reason_and_period_however_many_names_it_uses()
      throws Exception {
    ClusterState closed = new ClusterState(StateSettings.defaults().withInventory(Set.of(N01)));
    IngestPipeline pipeline = pipeline(closed);
    for (int i = 0; i < 500; i++) {
      NodeReading stranger = Readings.reading().node("bogus-" + i).at(clock.instant()).build();
      pipeline.ingest(TOPICS.nodeTelemetry(stranger.node()), json(stranger), clock.instant());
      pipeline.ingest("junk/" + i, bytes("{}"), clock.instant());
    }

    assertThat(warnings()).hasSize(2);
    assertThat(warnings()).anySatisfy(line -> assertThat(line).contains("unknown_node"))
        .anySatisfy(line -> assertThat(line).contains("bad_topic"));
    assertThat(counters.rejectedCount(RejectReason.UNKNOWN_NODE)).isEqualTo(500);
    assertThat(counters.rejectedCount(RejectReason.BAD_TOPIC)).isEqualTo(500);
    assertThat(closed.nodeCount()).isZero();
  }

  @Test
  void a_failing_store_loses_nothing_from_the_live_state_and_ingestion_goes_on()
      throws Exception {
    ClusterState state = openState();
    IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(TOPICS, 65_536), state,
        counters, (reading, at) -> {
          throw new IllegalStateException("disk full");
        }, clock, LOG_PERIOD);

    for (int seq = 1; seq <= 3; seq++) {
      clock.advance(Duration.ofSeconds(1));
      NodeReading reading = Readings.reading().node(N01).at(clock.instant()).seq(seq).build();
      pipeline.ingest(TOPICS.nodeTelemetry(N01), json(reading), clock.instant());
    }

    assertThat(counters.stats().accepted()).isEqualTo(3);
    assertThat(state.snapshot(clock.instant()).node(N01).orElseThrow().window()).hasSize(3);
    assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.ERROR).hasSize(1);
  }

  private ClusterState openState() {
    return new ClusterState(StateSettings.defaults());
  }

  private IngestPipeline pipeline(ClusterState state) {
    return new IngestPipeline(new TelemetryDecoder(TOPICS, 65_536), state, counters,
        (reading, at) -> stored.add(reading), clock, LOG_PERIOD);
  }

  private List<String> warnings() {
    return logged.list.stream().filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static IngestResult only(List<IngestResult> results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private static RejectSample rejected(IngestResult result) {
    assertThat(result).isInstanceOf(IngestResult.Rejected.class);
    return ((IngestResult.Rejected) result).sample();
  }

  private static byte[] json(NodeReading reading) throws Exception {
    return new ObjectMapper().writeValueAsBytes(TelemetryWire.encode(reading));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
