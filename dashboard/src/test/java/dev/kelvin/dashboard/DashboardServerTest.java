package dev.kelvin.dashboard;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.ingest.RejectSample;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.validation.RejectReason;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestDashboard dashboard = new TestDashboard();

  @AfterEach
  void stop() {
    dashboard.close();
  }

  private JsonNode getJson(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response = dashboard.get(path);
    assertThat(response.statusCode()).as(path + " answered " + response.body())
        .isEqualTo(expectedStatus);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  @Test
  void nodes_are_sorted_by_node_and_carry_every_metric() throws Exception {
    dashboard.admit(reading().node("n02").rack("r2").with(NodeMetric.POWER_WATTS, 410).build());
    dashboard.admit(reading().node("n01").rack("r1").build());

    JsonNode nodes = getJson("/api/nodes", 200);

    assertThat(nodes).hasSize(2);
    assertThat(nodes.get(0).get("node").asText()).isEqualTo("n01");
    assertThat(nodes.get(1).get("node").asText()).isEqualTo("n02");
    JsonNode n01 = nodes.get(0);
    assertThat(n01.get("site").asText()).isEqualTo("site-a");
    assertThat(n01.get("rack").asText()).isEqualTo("r1");
    assertThat(n01.get("at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(n01.get("stale").asBoolean()).isFalse();
    assertThat(n01.get("powerWatts").asDouble()).isEqualTo(300);
    assertThat(n01.get("cpuTempCelsius").asDouble()).isEqualTo(60);
    assertThat(n01.get("cpuTempLimitCelsius").asDouble()).isEqualTo(85);
    assertThat(n01.get("inletTempCelsius").asDouble()).isEqualTo(24);
    assertThat(n01.get("cpuUtilRatio").asDouble()).isEqualTo(0.5);
    assertThat(n01.get("cpuFreqMhz").asDouble()).isEqualTo(2600);
    assertThat(n01.get("cpuFreqCapMhz").asDouble()).isEqualTo(3000);
    assertThat(n01.get("cpuFreqMaxMhz").asDouble()).isEqualTo(3000);
    assertThat(nodes.get(1).get("powerWatts").asDouble()).isEqualTo(410);
  }

  @Test
  void missing_metrics_are_json_null_never_zero() throws Exception {
    dashboard.admit(reading().node("n01").without(NodeMetric.POWER_WATTS)
        .without(NodeMetric.CPU_FREQ_CAP_MHZ).without(NodeMetric.INLET_TEMP_CELSIUS).build());

    JsonNode n01 = getJson("/api/nodes", 200).get(0);

    assertThat(n01.get("powerWatts").isNull()).isTrue();
    assertThat(n01.get("cpuFreqCapMhz").isNull()).isTrue();
    assertThat(n01.get("inletTempCelsius").isNull()).isTrue();
    assertThat(n01.get("forecastPowerWatts").isNull()).isTrue();
    assertThat(n01.get("cpuTempCelsius").asDouble()).isEqualTo(60);
  }

  @Test
  void a_node_the_workload_manager_says_nothing_of_has_its_state_fields_as_json_null()
      throws Exception {
    dashboard.admit(reading().node("n01").build());

    JsonNode n01 = getJson("/api/nodes", 200).get(0);

    for (String field : List.of("state", "drained", "drainedByKelvin", "stateSince")) {
      assertThat(n01.has(field)).as(field).isTrue();
      assertThat(n01.get(field).isNull()).as(field).isTrue();
    }
  }

  @Test
  void nodes_show_what_the_workload_manager_says_and_a_silent_down_node_is_listed_too()
      throws Exception {
    dashboard.admit(reading().node("n01").build());
    Instant since = Instant.parse("2025-12-31T23:00:00Z");
    dashboard.state.replaceAvailability(SiteId.of("site-a"), List.of(
        new NodeAvailability(NodeId.of("site-a", "n01"), NodeAvailability.State.IDLE, since,
            Optional.of(since.plusSeconds(60)), true),
        NodeAvailability.of(NodeId.of("site-a", "n02"), NodeAvailability.State.DOWN, since)));

    JsonNode nodes = getJson("/api/nodes", 200);

    assertThat(nodes).hasSize(2);
    JsonNode n01 = nodes.get(0);
    assertThat(n01.get("state").asText()).isEqualTo("idle");
    assertThat(n01.get("drained").asBoolean()).isTrue();
    assertThat(n01.get("drainedByKelvin").asBoolean()).isTrue();
    assertThat(n01.get("stateSince").asText()).isEqualTo("2025-12-31T23:00:00Z");
    JsonNode n02 = nodes.get(1);
    assertThat(n02.get("node").asText()).isEqualTo("n02");
    assertThat(n02.get("state").asText()).isEqualTo("down");
    assertThat(n02.get("drained").asBoolean()).isFalse();
    assertThat(n02.get("powerWatts").isNull()).isTrue();
    assertThat(n02.get("at").isNull()).isTrue();
    assertThat(n02.get("ageSeconds").isNull()).isTrue();
  }

  @Test
  void forecast_power_is_the_nearest_node_scope_forecast() throws Exception {
    dashboard.admit(reading().node("n01").build());
    dashboard.admit(reading().node("n02").build());
    NodeId n01 = NodeId.of("site-a", "n01");
    dashboard.predictions.set(List.of(
        new LoadForecast(ForecastScope.node(n01), Duration.ofMinutes(15), 500,
            OptionalDouble.empty(), "m1"),
        new LoadForecast(ForecastScope.node(n01), Duration.ofMinutes(5), 420,
            OptionalDouble.of(0.7), "m1"),
        new LoadForecast(ForecastScope.site(SiteId.of("site-a")), Duration.ofMinutes(5), 9000,
            OptionalDouble.empty(), "m1")));

    JsonNode nodes = getJson("/api/nodes", 200);

    assertThat(nodes.get(0).get("forecastPowerWatts").asDouble()).isEqualTo(420);
    assertThat(nodes.get(1).get("forecastPowerWatts").isNull()).isTrue();
  }

  @Test
  void a_node_not_heard_from_is_stale_and_its_age_counts_from_its_reading() throws Exception {
    dashboard.admit(reading().node("n01").build());
    dashboard.clock.advance(Duration.ofMillis(30_400));

    JsonNode n01 = getJson("/api/nodes", 200).get(0);

    assertThat(n01.get("stale").asBoolean()).isTrue();
    assertThat(n01.get("ageSeconds").asDouble()).isEqualTo(30.4);
  }

  @Test
  void actions_show_one_entry_per_action_with_its_latest_status() throws Exception {
    dashboard.record("a-1", "n07", AuditStage.APPROVED, "clamped to 2400 MHz");
    dashboard.clock.advance(Duration.ofSeconds(2));
    dashboard.record("a-2", "n08", AuditStage.REJECTED, "too soon after the last cap");
    dashboard.clock.advance(Duration.ofSeconds(1));
    ActionResult applied = new ActionResult(new ActionId("a-1"), ActionResult.Outcome.APPLIED,
        dashboard.clock.instant(), OptionalDouble.of(3000), OptionalDouble.of(2400),
        Optional.of(dashboard.clock.instant().plusSeconds(60)), "read back 2400 MHz");
    dashboard.audit.append(AuditEvent.ofResult(AuditStage.APPLIED,
        dashboard.cap("a-1", "n07", "thermal-cap"), applied));

    JsonNode actions = getJson("/api/actions", 200);

    assertThat(actions).hasSize(2);
    JsonNode newest = actions.get(0);
    assertThat(newest.get("id").asText()).isEqualTo("a-2");
    assertThat(newest.get("status").asText()).isEqualTo("rejected");
    assertThat(newest.get("before").isNull()).isTrue();
    JsonNode a1 = actions.get(1);
    assertThat(a1.get("id").asText()).isEqualTo("a-1");
    assertThat(a1.get("status").asText()).isEqualTo("applied");
    assertThat(a1.get("at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(a1.get("updatedAt").asText()).isEqualTo("2026-01-01T00:00:03Z");
    assertThat(a1.get("node").asText()).isEqualTo("site-a/n07");
    assertThat(a1.get("action").asText()).isEqualTo("cap CPU at 2400 MHz");
    assertThat(a1.get("type").asText()).isEqualTo("set_cpu_freq_cap");
    assertThat(a1.get("rule").asText()).isEqualTo("thermal-cap");
    assertThat(a1.get("reason").asText()).isEqualTo("CPU at 91 °C, limit 85 °C");
    assertThat(a1.get("facts").get(0).asText()).isEqualTo("cpu_temp_c=91.2 °C");
    assertThat(a1.get("detail").asText()).isEqualTo("read back 2400 MHz");
    assertThat(a1.get("before").asDouble()).isEqualTo(3000);
    assertThat(a1.get("after").asDouble()).isEqualTo(2400);
    assertThat(a1.get("leaseSeconds").asLong()).isEqualTo(60);
  }

  @Test
  void actions_limit_keeps_the_newest() throws Exception {
    for (int i = 1; i <= 5; i++) {
      dashboard.record("a-" + i, "n01", AuditStage.APPROVED, "ok");
    }

    JsonNode actions = getJson("/api/actions?limit=2", 200);

    assertThat(actions).extracting(entry -> entry.get("id").asText()).containsExactly("a-5", "a-4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-3", "ten", "2.5"})
  void actions_limit_outside_its_range_is_a_400_naming_the_parameter(String limit)
      throws Exception {
    JsonNode error = getJson("/api/actions?limit=" + limit, 400);

    assertThat(error.get("parameter").asText()).isEqualTo("limit");
    assertThat(error.get("value").asText()).isEqualTo(limit);
    assertThat(error.get("accepted").asText()).isEqualTo("a whole number within 1..1000");
    assertThat(error.get("error").asText()).contains("limit", "1..1000", limit);
  }

  @Test
  void audit_returns_the_raw_records_after_since() throws Exception {
    dashboard.record("a-1", "n01", AuditStage.APPROVED, "first");
    dashboard.record("a-1", "n01", AuditStage.FAILED, "node agent did not answer");
    dashboard.record("a-2", "n02", AuditStage.DRY_RUN, "dry run");

    JsonNode records = getJson("/api/audit?since=1&limit=10", 200);

    assertThat(records).extracting(record -> record.get("seq").asLong()).containsExactly(2L, 3L);
    assertThat(records.get(0).get("stage").asText()).isEqualTo("failed");
    assertThat(records.get(0).get("actionId").asText()).isEqualTo("a-1");
    assertThat(records.get(0).get("actor").asText()).isEqualTo("kelvin");
    assertThat(records.get(0).get("detail").asText()).isEqualTo("node agent did not answer");
    assertThat(records.get(0).get("result").isNull()).isTrue();
    assertThat(records.get(1).get("stage").asText()).isEqualTo("dry_run");
  }

  @Test
  void audit_since_below_zero_is_a_400_naming_the_parameter() throws Exception {
    JsonNode error = getJson("/api/audit?since=-1", 400);

    assertThat(error.get("parameter").asText()).isEqualTo("since");
  }

  @Test
  void ingest_reports_counts_by_reason_and_the_recent_rejects_newest_first() throws Exception {
    dashboard.ingest.accepted();
    dashboard.ingest.accepted();
    dashboard.ingest.late();
    Instant at = dashboard.clock.instant();
    dashboard.ingest.rejected(new RejectSample(at, "kelvin/v1/site-a/node/n01/telemetry",
        RejectReason.OUT_OF_RANGE, "power_w", "power_w must be within 0..20000 W, was -1"));
    dashboard.ingest.rejected(new RejectSample(at.plusSeconds(1), "kelvin/v1/x",
        RejectReason.MALFORMED, "payload", "not JSON"));

    JsonNode ingest = getJson("/api/ingest", 200);

    assertThat(ingest.get("accepted").asLong()).isEqualTo(2);
    assertThat(ingest.get("late").asLong()).isEqualTo(1);
    assertThat(ingest.get("rejectedTotal").asLong()).isEqualTo(2);
    assertThat(ingest.get("rejected").get("out_of_range").asLong()).isEqualTo(1);
    assertThat(ingest.get("rejected").get("malformed").asLong()).isEqualTo(1);
    JsonNode recent = ingest.get("recentRejects");
    assertThat(recent.get(0).get("reason").asText()).isEqualTo("malformed");
    assertThat(recent.get(1).get("field").asText()).isEqualTo("power_w");
  }

  @Test
  void health_answers_200_when_up_or_degraded_and_503_when_down() throws Exception {
    dashboard.health.set(Health.of(Map.of("broker",
        new Health.Component(Health.Status.UP, "connected"))));
    assertThat(getJson("/health", 200).get("status").asText()).isEqualTo("UP");

    dashboard.health.set(Health.of(Map.of("store",
        new Health.Component(Health.Status.DEGRADED, "InfluxDB down, spooling to disk"))));
    JsonNode degraded = getJson("/health", 200);
    assertThat(degraded.get("status").asText()).isEqualTo("DEGRADED");
    assertThat(degraded.get("components").get("store").get("detail").asText())
        .isEqualTo("InfluxDB down, spooling to disk");

    dashboard.health.set(Health.of(Map.of("broker",
        new Health.Component(Health.Status.DOWN, "connection refused"))));
    assertThat(getJson("/health", 503).get("status").asText()).isEqualTo("DOWN");
  }

  @Test
  void a_health_source_that_gives_nothing_is_reported_as_down() throws Exception {
    dashboard.health.set(null);

    JsonNode health = getJson("/health", 503);

    assertThat(health.get("status").asText()).isEqualTo("DOWN");
    assertThat(health.get("components").get("dashboard").get("status").asText())
        .isEqualTo("DOWN");
  }

  @Test
  void metrics_serve_the_prometheus_text_with_its_content_type() throws Exception {
    dashboard.metrics.set("# TYPE kelvin_readings_total counter\nkelvin_readings_total 42\n");

    HttpResponse<String> response = dashboard.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
    assertThat(response.body()).contains("kelvin_readings_total 42");
  }

  @Test
  void events_without_the_stream_accept_header_answer_406_saying_how_to_ask() throws Exception {
    JsonNode error = getJson("/api/events", 406);

    assertThat(error.get("error").asText()).contains("Accept: text/event-stream");
  }

  @Test
  void a_failing_source_answers_500_and_the_next_request_still_works() throws Exception {
    DashboardSources sources = dashboard.sources();
    try (DashboardServer broken = DashboardServer.start(
        new DashboardSettings("127.0.0.1", 0, Duration.ofSeconds(1)),
        new DashboardSources(sources.cluster(), sources.scheduler(), sources.lastTick(),
            sources.audit(), () -> {
              throw new IllegalStateException("counters not wired");
            }, sources.health(), sources.prometheusText()))) {
      HttpResponse<String> failed = dashboard.http.send(
          HttpRequest.newBuilder(broken.uri().resolve("/api/ingest")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> nodes = dashboard.http.send(
          HttpRequest.newBuilder(broken.uri().resolve("/api/nodes")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(JSON.readTree(failed.body()).get("error").asText())
          .contains("/api/ingest", "counters not wired");
      assertThat(nodes.statusCode()).isEqualTo(200);
    }
  }
}
