package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.ingest.RejectSample;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.StrictJson;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Junk against the real Mosquitto: floods of unknown node names and of 65 kB topics, through
 * the real subscriber, pipeline and state. Asserts what stays bounded: the nodes tracked, the
 * stale count, the log lines and their size; every message is still counted.
 */
class JunkTelemetryIT {
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  /** What one log line caused by junk may cost, message only (the pattern adds ~60 bytes). */
  private static final int MAX_LINE_BYTES = 400;

  private final WallClockScheduler scheduler = new WallClockScheduler("it-junk");
  private final IngestCounters counters = new IngestCounters();
  private final ClusterState state = new ClusterState(
      StateSettings.defaults().withInventory(Set.of(N01)));
  private final Topics topics = TestServices.uniqueTopics();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private TelemetrySubscriber subscriber;
  private MqttTestClient sender;

  @BeforeEach
  void startTheControllerSide() throws Exception {
    sender = MqttTestClient.connect(TestServices.mqtt(), "junk-sender");
    var endpoint = TestServices.mqtt();
    TelemetrySettings settings = TelemetrySettings.defaults(endpoint).withTopics(topics)
        .withSession(SessionSettings.persistent(endpoint, TestServices.unique("it-junk"),
            Duration.ofMinutes(2)).withConnectTimeout(Duration.ofSeconds(5)));
    IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(topics, 65_536), state,
        counters, (reading, at) -> { }, scheduler.clock(), Duration.ofMinutes(1));
    subscriber = new TelemetrySubscriber(settings, pipeline, PahoTransport.INSTANCE, scheduler);
    subscriber.start();
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopEverything() throws Exception {
    root.detachAppender(logged);
    sender.publishRetained(topics.controllerStatus(), "");
    sender.close();
    subscriber.close();
    scheduler.close();
  }

  @Test
  void ten_thousand_unknown_node_names_register_nothing_and_are_all_counted() throws Exception {
    for (int i = 0; i < 10_000; i++) {
      publish(Readings.reading().node("bogus-" + i).at(Instant.now()).seq(1).build());
    }
    publish(Readings.reading().node(N01).at(Instant.now()).seq(1).build());

    await().atMost(Duration.ofSeconds(60)).until(() ->
        counters.rejectedCount(RejectReason.UNKNOWN_NODE) == 10_000
            && counters.stats().accepted() == 1);
    ClusterSnapshot snapshot = state.snapshot(Instant.now());
    assertThat(state.nodeCount()).isEqualTo(1);
    assertThat(snapshot.nodes()).containsOnlyKeys(N01);
    assertThat(snapshot.views()).noneMatch(NodeView::stale);
    assertThat(counters.stats().rejectedTotal()).isEqualTo(10_000);
    assertThat(lines()).singleElement().asString().contains("unknown_node");
  }

  @Test
  void a_thousand_65_kB_topics_cost_one_short_log_line_and_short_samples() throws Exception {
    String prefix = topics.prefix() + "/";
    String suffix = "/node/n01/telemetry";
    int junkChars = 65_000 - prefix.length() - suffix.length();
    byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 1_000; i++) {
      String junk = String.format("%05d", i) + "x".repeat(junkChars - 5);
      sender.publish(prefix + junk + suffix, payload);
    }

    await().atMost(Duration.ofSeconds(60)).until(() ->
        counters.rejectedCount(RejectReason.BAD_TOPIC) == 1_000);
    List<Integer> lineBytes = logged.list.stream().map(event ->
        event.getFormattedMessage().getBytes(StandardCharsets.UTF_8).length).toList();
    System.out.println("log lines caused by 1,000 65 kB topics: " + lineBytes.size()
        + ", bytes each (message only): " + lineBytes);
    assertThat(lineBytes).isNotEmpty().hasSizeLessThanOrEqualTo(2)
        .allSatisfy(bytes -> assertThat(bytes).isLessThan(MAX_LINE_BYTES));
    assertThat(counters.stats().recentRejects()).hasSize(20).allSatisfy(sample ->
        assertThat(sample.source().length() + sample.message().length()).isLessThan(300));
    assertThat(counters.stats().recentRejects()).extracting(RejectSample::source)
        .allSatisfy(source -> assertThat(source).endsWith("... (65000 chars)"));
    assertThat(state.nodeCount()).isZero();
  }

  private void publish(NodeReading reading) throws Exception {
    sender.publish(topics.nodeTelemetry(reading.node()), StrictJson.write(
        TelemetryWire.encode(reading)));
  }

  private List<String> lines() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
