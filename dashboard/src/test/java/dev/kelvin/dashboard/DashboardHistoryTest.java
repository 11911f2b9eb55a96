package dev.kelvin.dashboard;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The power history behind the page's chart, through {@code /api/history} and the event stream.
 * The test clock stands still between advances, so each advance makes exactly one new point.
 */
class DashboardHistoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final TestDashboard dashboard = new TestDashboard(Duration.ofMillis(50));

  @AfterEach
  void stop() {
    dashboard.close();
  }

  private JsonNode history() throws Exception {
    HttpResponse<String> response = dashboard.get("/api/history");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  private Instant newestAt() throws Exception {
    JsonNode history = history();
    return history.isEmpty() ? Instant.MIN
        : Instant.parse(history.get(history.size() - 1).get("at").asText());
  }

  private static double wattsAt(JsonNode history, Instant at) {
    for (JsonNode point : history) {
      if (point.get("at").asText().equals(at.toString())) {
        return point.get("totalPowerWatts").asDouble();
      }
    }
    throw new AssertionError("no point at " + at + " in " + history);
  }

  @Test
  void history_lists_total_power_oldest_first_even_with_no_page_open() throws Exception {
    dashboard.admit(reading().node("n01").build());
    Instant first = dashboard.clock.advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> newestAt().equals(first));

    dashboard.clock.advance(Duration.ofSeconds(2));
    dashboard.admit(reading().node("n02").at(dashboard.clock.instant()).build());
    Instant last = dashboard.clock.advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> newestAt().equals(last));

    JsonNode history = history();
    assertThat(history).extracting(point -> Instant.parse(point.get("at").asText()))
        .isSorted().doesNotHaveDuplicates();
    assertThat(wattsAt(history, first)).isEqualTo(300);
    assertThat(wattsAt(history, last)).isEqualTo(600);
  }

  @Test
  void a_page_that_connects_gets_the_power_history_once_before_the_first_summary()
      throws Exception {
    dashboard.admit(reading().node("n01").build());
    Instant first = dashboard.clock.advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> newestAt().equals(first));
    Instant second = dashboard.clock.advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> newestAt().equals(second));

    try (SseProbe probe = new SseProbe(dashboard.http, dashboard.uri("/api/events"))) {
      await().atMost(WAIT).until(() -> probe.named("summary").size() >= 3);

      List<String> names = probe.events.stream().map(SseProbe.Event::name).toList();
      assertThat(names.indexOf("history")).isNotNegative().isLessThan(names.indexOf("summary"));
      assertThat(probe.named("history")).hasSize(1);
      JsonNode sent = JSON.readTree(probe.named("history").get(0).data());
      assertThat(sent).isEqualTo(history());
      assertThat(sent.get(sent.size() - 2).get("at").asText()).isEqualTo(first.toString());
      assertThat(sent.get(sent.size() - 1).get("at").asText()).isEqualTo(second.toString());
      assertThat(wattsAt(sent, second)).isEqualTo(300);
    }
  }

  @Test
  void a_dashboard_that_has_not_pushed_yet_has_an_empty_history() throws Exception {
    try (TestDashboard slow = new TestDashboard(Duration.ofMinutes(10))) {
      HttpResponse<String> response = slow.get("/api/history");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("[]");
    }
  }
}
