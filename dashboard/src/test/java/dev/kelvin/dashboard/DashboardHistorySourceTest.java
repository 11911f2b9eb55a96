package dev.kelvin.dashboard;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.testkit.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/history} answered from a history source (faked), and without one. */
class DashboardHistorySourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = MutableClock.START;

  /** A history that records what it was asked and answers the points set, or fails. */
  static final class FakeHistory implements HistorySource {
    record Asked(Optional<SiteId> site, Instant from, Instant to, Duration step) {}

    final List<Asked> asked = new ArrayList<>();
    volatile List<PowerPoint> answer = List.of();
    volatile boolean down;

    @Override
    public synchronized List<PowerPoint> sitePower(Optional<SiteId> site, Instant from,
        Instant to, Duration step) {
      asked.add(new Asked(site, from, to, step));
      if (down) {
        throw new Unavailable("InfluxDB at 127.0.0.1:8086 database kelvin",
            "no answer (down, or slower than store.influx.read_timeout?)", null);
      }
      return answer;
    }

    @Override
    public List<MetricPoint> nodeSeries(NodeId node, NodeMetric metric, Instant from,
        Instant to, Duration step) {
      throw new AssertionError("the dashboard asks for site power only");
    }

    @Override
    public List<MetricPoint> nodeLast(NodeId node, NodeMetric metric, Instant from,
        Instant to, Duration step) {
      throw new AssertionError("the dashboard asks for site power only");
    }

    @Override
    public List<NodeFailures> nodeFailures(Optional<SiteId> site, Instant from, Instant to) {
      throw new AssertionError("the dashboard asks for site power only");
    }
  }

  private final FakeHistory history = new FakeHistory();
  private TestDashboard dashboard;

  @AfterEach
  void stop() {
    dashboard.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return dashboard.get(path);
  }

  @Test
  void answers_the_last_ten_minutes_from_the_source_in_the_charts_json_shape() throws Exception {
    dashboard = new TestDashboard(history);
    history.answer = List.of(new HistorySource.PowerPoint(NOW.minusSeconds(600), 2_500),
        new HistorySource.PowerPoint(NOW.minusSeconds(2), 2_600.5));

    HttpResponse<String> response = get("/api/history");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body).hasSize(2);
    assertThat(body.get(0).get("at").asText()).isEqualTo(NOW.minusSeconds(600).toString());
    assertThat(body.get(1).get("totalPowerWatts").asDouble()).isEqualTo(2_600.5);
    assertThat(history.asked).containsExactly(new FakeHistory.Asked(Optional.empty(),
        NOW.minusSeconds(600), NOW, Duration.ofSeconds(2)));
  }

  @Test
  void the_last_hour_is_asked_in_10_s_steps() throws Exception {
    dashboard = new TestDashboard(history);

    assertThat(get("/api/history?minutes=60").statusCode()).isEqualTo(200);

    assertThat(history.asked).containsExactly(new FakeHistory.Asked(Optional.empty(),
        NOW.minus(Duration.ofHours(1)), NOW, Duration.ofSeconds(10)));
  }

  @Test
  void a_range_a_step_and_a_site_are_passed_to_the_source_as_asked() throws Exception {
    dashboard = new TestDashboard(history);

    HttpResponse<String> response = get("/api/history?from=2025-12-31T22:00:00Z"
        + "&to=2025-12-31T23:00:00Z&step_s=30&site=site-b");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
    assertThat(history.asked).containsExactly(new FakeHistory.Asked(
        Optional.of(SiteId.of("site-b")), Instant.parse("2025-12-31T22:00:00Z"),
        Instant.parse("2025-12-31T23:00:00Z"), Duration.ofSeconds(30)));
  }

  @Test
  void an_unavailable_source_answers_503_naming_the_backend() throws Exception {
    dashboard = new TestDashboard(history);
    history.down = true;

    HttpResponse<String> response = get("/api/history");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(response.body()).get("error").asText())
        .contains("InfluxDB at 127.0.0.1:8086 database kelvin", "read_timeout");
  }

  @Test
  void a_step_that_would_give_too_many_points_is_refused_before_the_source_is_asked()
      throws Exception {
    dashboard = new TestDashboard(history);

    HttpResponse<String> response = get("/api/history?minutes=10080&step_s=1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("parameter").asText()).isEqualTo("step_s");
    assertThat(history.asked).isEmpty();
  }

  @Test
  void bad_ranges_and_sites_are_refused_naming_the_parameter() throws Exception {
    dashboard = new TestDashboard(history);

    assertThat(parameterRefused("/api/history?from=yesterday")).isEqualTo("from");
    assertThat(parameterRefused("/api/history?minutes=0")).isEqualTo("minutes");
    assertThat(parameterRefused("/api/history?minutes=5&from=2025-12-31T22:00:00Z"))
        .isEqualTo("minutes");
    assertThat(parameterRefused("/api/history?from=2026-01-02T00:00:00Z")).isEqualTo("from");
    assertThat(parameterRefused("/api/history?site=a%20b")).isEqualTo("site");
    assertThat(history.asked).isEmpty();
  }

  private String parameterRefused(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    return JSON.readTree(response.body()).get("parameter").asText();
  }

  @Test
  void without_a_source_minutes_narrows_the_dashboards_own_window() throws Exception {
    dashboard = new TestDashboard(Duration.ofMillis(50));
    dashboard.admit(reading().node("n01").build());
    Instant early = dashboard.clock.advance(Duration.ofSeconds(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(
        get("/api/history").body()).size() == 1);
    Instant late = dashboard.clock.advance(Duration.ofMinutes(2));
    await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(
        get("/api/history").body()).size() == 2);

    JsonNode lastMinute = JSON.readTree(get("/api/history?minutes=1").body());

    assertThat(lastMinute).extracting(point -> point.get("at").asText())
        .containsExactly(late.toString()).doesNotContain(early.toString());
  }

  @Test
  void the_page_asks_for_the_history_once_it_loads() throws Exception {
    dashboard = new TestDashboard(history);

    assertThat(get("/app.js").body()).contains("load('/api/history', renderHistory)");
  }
}
