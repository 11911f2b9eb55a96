package dev.kelvin.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelvin.agent.NodeAgent;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.backlog.IngestBacklog;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.testing.MqttTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's controller and embedded broker under a burst of valid telemetry at ten times the
 * site's normal rate (every node's own login publishes nine more copies a second of the node's
 * latest reading, re-stamped) while a thermal cap is held: no cap is given up without its audit
 * record and none as stale, the backlog shows on {@code /metrics} and {@code /health} during the
 * burst, and the hot node keeps its cap afterwards. And when the thread that applies readings
 * stalls for longer than the stale limit, the controller says it is blind and keeps its caps. The figures measured are printed; the factor
 * and length can be raised ({@code -Dburst.factor=100 -Dburst.seconds=20}) to find the knee.
 */
class IngestBurstIT {
  private static final Duration OVERHEAT_WITHIN = Duration.ofSeconds(150);
  private static final int FACTOR = Integer.getInteger("burst.factor", 10);
  private static final int SECONDS = Integer.getInteger("burst.seconds", 15);
  private static final Topics TOPICS = Topics.defaults();
  /** Longer than the state's stale limit (10 s): without the blindness rule, caps would lapse. */
  private static final Duration STALL = Duration.ofSeconds(14);
  private static DemoFixture fixture;

  @BeforeAll
  static void startDemo() throws Exception {
    fixture = DemoFixture.start();
  }

  @AfterAll
  static void stopDemo() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void a_burst_at_ten_times_the_normal_rate_loses_no_cap_and_shows_its_backlog() throws Exception {
    NodeId hot = await().atMost(OVERHEAT_WITHIN).pollInterval(Duration.ofSeconds(1))
        .until(IngestBurstIT::heldCapNode, node -> node != null);
    long lapsedBefore = records(AuditStage.LAPSED).size();

    Figures figures = burst();

    assertThat(figures.metricsSeen).as("backlog gauges on /metrics during the burst")
        .isPositive();
    assertThat(figures.healthSeen).as("ingest-backlog on /health during the burst")
        .isPositive();
    List<AuditRecord> lapsed = records(AuditStage.LAPSED);
    assertThat(lapsed.subList((int) lapsedBefore, lapsed.size()))
        .as("no held cap given up as stale during the burst").noneMatch(record ->
            record.event().detail().contains("(node_stale)"));
    assertThat(fixture.demo().controller().lastTick().orElseThrow().heldSetpoints())
        .as("caps still held").isPositive();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(fixture.demo().controller().ingestWorker().backlog().readings()).isZero();
      assertThat(agentOf(hot).leases()).as("%s keeps its cap after the burst", hot)
          .isNotEmpty();
    });
    System.out.println(figures.describe());
  }

  @Test
  void a_stalled_ingest_makes_the_controller_say_it_is_blind_and_keep_its_caps()
      throws Exception {
    NodeId hot = await().atMost(OVERHEAT_WITHIN).pollInterval(Duration.ofSeconds(1))
        .until(IngestBurstIT::heldCapNode, node -> node != null);
    long lapsedBefore = records(AuditStage.LAPSED).size();

    fixture.demo().schedulers().get("telemetry").execute("stall for the test", () -> {
      try {
        Thread.sleep(STALL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    await().atMost(STALL).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      assertThat(gauge(fixture.get("/metrics").body(), "kelvin_controller_blind"))
          .isEqualTo(1.0);
      assertThat(fixture.json("/health").path("components").path("ingest-backlog")
          .path("status").asText()).isEqualTo("DEGRADED");
      assertThat(fixture.demo().controller().lastTick().orElseThrow().blind()).isPresent();
    });
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(gauge(
        fixture.get("/metrics").body(), "kelvin_controller_blind")).isEqualTo(0.0));
    List<AuditRecord> lapsed = records(AuditStage.LAPSED);
    assertThat(lapsed.subList((int) lapsedBefore, lapsed.size()))
        .as("no held cap given up as stale while the controller's own queue held readings")
        .noneMatch(record -> record.event().detail().contains("(node_stale)"));
    assertThat(agentOf(hot).leases()).as("%s keeps its cap", hot).isNotEmpty();
  }

  /** What the burst showed: peaks of the backlog, arrivals, and what HTTP saw. */
  private static final class Figures {
    long published;
    int peakReadings;
    double peakBacklogSeconds;
    double peakArrivalLagSeconds;
    int metricsSeen;
    int healthSeen;
    String worstHealth = "UP";
    Duration drain = Duration.ZERO;
    long shed;
    Duration took = Duration.ZERO;
    String cpu = "";
    long applied;
    long rejected;
    double brokerDropped;

    String describe() {
      return String.format(Locale.ROOT, "burst x%d for %d s: %d readings published in %.1f s"
          + " (%.0f/s); backlog peak %d readings, %.2f s; arrival lag peak %.2f s; %d shed;"
          + " ingest-backlog worst %s; drained %.1f s after the burst; CPU by thread group"
          + " during the burst: %s; %d readings applied (%.0f/s from the burst's start until"
          + " drained), %d rejected, %.0f dropped by the broker", FACTOR, SECONDS,
          published, took.toMillis() / 1000.0, published * 1000.0 / Math.max(1, took.toMillis()),
          peakReadings, peakBacklogSeconds, peakArrivalLagSeconds, shed, worstHealth,
          drain.toMillis() / 1000.0, cpu, applied,
          applied * 1000.0 / Math.max(1, took.plus(drain).toMillis()), rejected, brokerDropped);
    }
  }

  private static Figures burst() throws Exception {
    Figures figures = new Figures();
    Map<NodeId, MqttTestClient> clients = new LinkedHashMap<>();
    try {
      for (NodeAgent agent : fixture.demo().agents()) {
        clients.put(agent.node(), MqttTestClient.connect(fixture.demo().logins()
            .agent(fixture.demo().mqttUri(), agent.node()), "burst"));
      }
      Thread watcher = new Thread(() -> watch(figures), "burst-watcher");
      watcher.setDaemon(true);
      watcher.start();
      Instant start = Instant.now();
      Map<String, Long> cpuBefore = ThreadCpu.byGroup();
      long appliedBefore = applied();
      long rejectedBefore = rejected();
      double droppedBefore = brokerDropped();
      publish(clients, figures);
      figures.took = Duration.between(start, Instant.now());
      Instant end = Instant.now();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .until(IngestBurstIT::caughtUp);
      figures.drain = Duration.between(end, Instant.now());
      figures.applied = applied() - appliedBefore;
      figures.rejected = rejected() - rejectedBefore;
      figures.brokerDropped = brokerDropped() - droppedBefore;
      figures.cpu = ThreadCpu.top(cpuBefore, ThreadCpu.byGroup(),
          Duration.between(start, Instant.now()), 8);
      watcher.interrupt();
      watcher.join(5_000);
    } finally {
      for (MqttTestClient client : clients.values()) {
        client.close();
      }
    }
    figures.shed = fixture.demo().controller().ingestWorker()
        .shed(dev.kelvin.core.backlog.ShedReason.SUPERSEDED);
    figures.peakReadings = fixture.demo().controller().ingestWorker().peakReadings();
    return figures;
  }

  /** Nine (factor minus one) extra readings per node per second, spread over the second. */
  private static void publish(Map<NodeId, MqttTestClient> clients, Figures figures)
      throws Exception {
    AtomicLong seq = new AtomicLong(1_000_000_000L);
    int rounds = (FACTOR - 1) * SECONDS;
    long roundNanos = 1_000_000_000L / (FACTOR - 1);
    long started = System.nanoTime();
    Map<NodeId, NodeReading> latest = new HashMap<>();
    for (int round = 0; round < rounds; round++) {
      Instant now = Instant.now();
      fixture.demo().controller().state().snapshot(now).nodes().values()
          .forEach(view -> latest.put(view.id(), view.latest()));
      for (Map.Entry<NodeId, MqttTestClient> client : clients.entrySet()) {
        NodeReading reading = latest.get(client.getKey());
        if (reading != null) {
          Map<String, Object> json = new LinkedHashMap<>(TelemetryWire.encode(reading));
          json.put(TelemetryWire.TS_MS, Instant.now().toEpochMilli());
          json.put(TelemetryWire.SEQ, seq.incrementAndGet());
          client.getValue().publish(TOPICS.nodeTelemetry(client.getKey()), json);
          figures.published++;
        }
      }
      long due = started + (round + 1) * roundNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
  }

  /** Reads /metrics and /health every 250 ms until interrupted. */
  private static void watch(Figures figures) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        String metrics = fixture.get("/metrics").body();
        double readings = gauge(metrics, "kelvin_ingest_backlog_readings");
        double seconds = gauge(metrics, "kelvin_ingest_backlog_seconds");
        double lag = gauge(metrics, "kelvin_ingest_arrival_lag_seconds");
        if (!Double.isNaN(readings) && !Double.isNaN(seconds)) {
          figures.metricsSeen++;
          figures.peakBacklogSeconds = Math.max(figures.peakBacklogSeconds, seconds);
        }
        if (!Double.isNaN(lag)) {
          figures.peakArrivalLagSeconds = Math.max(figures.peakArrivalLagSeconds, lag);
        }
        JsonNode component = fixture.json("/health").path("components").path("ingest-backlog");
        if (component.has("status")) {
          figures.healthSeen++;
          String status = component.get("status").asText();
          if (!"UP".equals(status) && !"DOWN".equals(figures.worstHealth)) {
            figures.worstHealth = status;
          }
        }
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // the next read tells
      }
    }
  }

  private static double gauge(String metrics, String name) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    return Double.NaN;
  }

  private static NodeId heldCapNode() {
    List<AuditRecord> applied = records(AuditStage.APPLIED);
    if (applied.isEmpty() || fixture.demo().controller().lastTick().isEmpty()
        || fixture.demo().controller().lastTick().get().heldSetpoints() == 0) {
      return null;
    }
    return ((SetpointAction) applied.get(applied.size() - 1).event().action()).node();
  }

  /** Nothing waits in the controller and what arrives now is less than a second old. */
  private static boolean caughtUp() {
    IngestBacklog backlog = fixture.demo().controller().ingestWorker().backlog();
    return backlog.readings() == 0 && backlog.arrivalLag().isPresent()
        && backlog.arrivalLag().get().compareTo(Duration.ofSeconds(1)) < 0;
  }

  private static long rejected() {
    return fixture.demo().controller().ingest().stats().rejectedTotal();
  }

  private static double brokerDropped() throws Exception {
    return gauge(fixture.get("/metrics").body(), "kelvin_broker_dropped_messages_total");
  }

  /** Readings the controller applied so far (accepted or late). */
  private static long applied() {
    return fixture.demo().controller().ingest().stats().accepted()
        + fixture.demo().controller().ingest().stats().late();
  }

  private static NodeAgent agentOf(NodeId node) {
    return fixture.demo().agents().stream().filter(agent -> agent.node().equals(node))
        .findFirst().orElseThrow();
  }

  private static List<AuditRecord> records(AuditStage stage) {
    List<AuditRecord> found = new ArrayList<>();
    for (AuditRecord record : fixture.demo().controller().audit().recent(100_000)) {
      if (record.event().stage() == stage) {
        found.add(record);
      }
    }
    return found;
  }
}
