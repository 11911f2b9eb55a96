package dev.kelvin.dashboard;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final TestDashboard dashboard = new TestDashboard(Duration.ofMillis(50));

  @AfterEach
  void stop() {
    dashboard.close();
  }

  private SseProbe connect() {
    return new SseProbe(dashboard.http, dashboard.uri("/api/events"));
  }

  private static JsonNode data(SseProbe.Event event) throws Exception {
    return JSON.readTree(event.data());
  }

  @Test
  void stream_sends_nodes_and_summary_on_connect_and_then_every_interval() throws Exception {
    dashboard.admit(reading().node("n01").build());
    dashboard.admit(reading().node("n02").with(NodeMetric.CPU_TEMP_CELSIUS, 79).build());

    try (SseProbe probe = connect()) {
      await().atMost(WAIT).until(() -> probe.named("nodes").size() >= 3
          && probe.named("summary").size() >= 3);

      assertThat(probe.response.get().headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      assertThat(probe.events.get(0).name()).isEqualTo("nodes");
      JsonNode nodes = data(probe.named("nodes").get(2));
      assertThat(nodes).extracting(node -> node.get("node").asText())
          .containsExactly("n01", "n02");
      JsonNode summary = data(probe.named("summary").get(2));
      assertThat(summary.get("nodes").asInt()).isEqualTo(2);
      assertThat(summary.get("staleNodes").asInt()).isZero();
      assertThat(summary.get("totalPowerWatts").asDouble()).isEqualTo(600);
      assertThat(summary.get("hottest").get("node").asText()).isEqualTo("n02");
      assertThat(summary.get("hottest").get("cpuTempCelsius").asDouble()).isEqualTo(79);
      assertThat(summary.get("ingestAccepted").asLong()).isZero();
    }
  }

  @Test
  void the_nodes_event_carries_a_state_the_workload_manager_reports_later() throws Exception {
    dashboard.admit(reading().node("n01").build());

    try (SseProbe probe = connect()) {
      await().atMost(WAIT).until(() -> !probe.named("nodes").isEmpty());
      assertThat(data(probe.named("nodes").get(0)).get(0).get("state").isNull()).isTrue();

      dashboard.state.replaceAvailability(SiteId.of("site-a"), List.of(NodeAvailability.of(
          NodeId.of("site-a", "n01"), NodeAvailability.State.DOWN, MutableClock.START)));

      await().atMost(WAIT).until(() -> {
        List<SseProbe.Event> events = probe.named("nodes");
        return "down".equals(data(events.get(events.size() - 1)).get(0).path("state").asText());
      });
    }
  }

  @Test
  void the_first_actions_event_carries_the_actions_already_logged() throws Exception {
    dashboard.record("a-1", "n01", AuditStage.APPROVED, "ok");
    dashboard.record("a-1", "n01", AuditStage.APPLIED, "read back");

    try (SseProbe probe = connect()) {
      await().atMost(WAIT).until(() -> !probe.named("actions").isEmpty());

      JsonNode actions = data(probe.named("actions").get(0));
      assertThat(actions).hasSize(1);
      assertThat(actions.get(0).get("status").asText()).isEqualTo("applied");
    }
  }

  @Test
  void stream_sends_an_actions_event_after_an_audit_record_is_appended() throws Exception {
    try (SseProbe probe = connect()) {
      await().atMost(WAIT).until(() -> probe.named("summary").size() >= 2);
      int before = probe.named("actions").size();

      dashboard.record("a-7", "n07", AuditStage.HELD_FOR_APPROVAL, "drain needs approval");

      await().atMost(WAIT).until(() -> probe.named("actions").size() > before);
      JsonNode changed = data(probe.named("actions").get(before));
      assertThat(changed).hasSize(1);
      assertThat(changed.get(0).get("id").asText()).isEqualTo("a-7");
      assertThat(changed.get(0).get("status").asText()).isEqualTo("held_for_approval");

      dashboard.record("a-7", "n07", AuditStage.APPROVED, "approved by operator");

      await().atMost(WAIT).until(() -> probe.named("actions").size() > before + 1);
      JsonNode update = data(probe.named("actions").get(before + 1));
      assertThat(update).extracting(entry -> entry.get("status").asText())
          .containsExactly("approved");
    }
  }

  @Test
  void actions_events_carry_only_what_changed_since_the_last_push() throws Exception {
    dashboard.record("a-1", "n01", AuditStage.APPROVED, "ok");
    try (SseProbe probe = connect()) {
      await().atMost(WAIT).until(() -> probe.named("summary").size() >= 2);

      dashboard.record("a-2", "n02", AuditStage.APPROVED, "ok");

      await().atMost(WAIT).until(() -> probe.named("actions").size() >= 2);
      List<SseProbe.Event> actions = probe.named("actions");
      assertThat(data(actions.get(actions.size() - 1)))
          .extracting(entry -> entry.get("id").asText()).containsExactly("a-2");
    }
  }

  @Test
  void a_client_that_went_away_does_not_stop_pushes_to_the_others() throws Exception {
    SseProbe gone = connect();
    try (SseProbe staying = connect()) {
      await().atMost(WAIT).until(() -> !gone.named("summary").isEmpty()
          && !staying.named("summary").isEmpty() && dashboard.server.streamClients() == 2);

      gone.close();
      dashboard.record("a-9", "n09", AuditStage.APPROVED, "after the first client left");

      await().atMost(WAIT).until(() -> staying.named("actions").stream()
          .anyMatch(event -> event.data().contains("a-9")));
      await().atMost(WAIT).until(() -> dashboard.server.streamClients() == 1);
      int seen = staying.named("nodes").size();
      await().atMost(WAIT).until(() -> staying.named("nodes").size() > seen + 2);
    }
  }

  @Test
  void failing_prediction_and_ingest_sources_do_not_stop_the_stream() throws Exception {
    dashboard.admit(reading().node("n01").build());
    DashboardSources live = dashboard.sources();
    DashboardSources failing = new DashboardSources(live.cluster(), live.scheduler(), () -> {
      throw new IllegalStateException("model not loaded");
    }, live.audit(), () -> {
      throw new IllegalStateException("counters not wired");
    }, live.health(), live.prometheusText());
    try (DashboardServer server = DashboardServer.start(
            new DashboardSettings("127.0.0.1", 0, Duration.ofMillis(50)), failing);
        SseProbe probe = new SseProbe(dashboard.http, server.uri().resolve("/api/events"))) {
      await().atMost(WAIT).until(() -> probe.named("summary").size() >= 3);

      JsonNode nodes = data(probe.named("nodes").get(2));
      assertThat(nodes.get(0).get("powerWatts").asDouble()).isEqualTo(300);
      assertThat(nodes.get(0).get("forecastPowerWatts").isNull()).isTrue();
      JsonNode summary = data(probe.named("summary").get(2));
      assertThat(summary.get("ingestAccepted").isNull()).isTrue();
      assertThat(summary.get("nodes").asInt()).isEqualTo(1);
    }
  }

  @Test
  void close_ends_open_streams() throws Exception {
    try (SseProbe probe = connect()) {
      await().atMost(WAIT).until(() -> dashboard.server.streamClients() == 1);

      dashboard.server.close();

      assertThat(dashboard.server.streamClients()).isZero();
      await().atMost(WAIT).until(() -> probe.ended);
    }
  }
}
