package dev.kelvin.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.policy.audit.AuditVerifier;
import dev.kelvin.policy.audit.ChainReport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo end to end, in-process: readings arrive from 32 simulated nodes, a node overheats,
 * the thermal rule fires, the guard approves, the cap travels over MQTT to the node's agent,
 * the agent applies it and acknowledges, the node's telemetry reports the lower cap, and the
 * action shows on /api/actions with its rule and reason.
 */
class DemoIT {
  private static final Duration OVERHEAT_WITHIN = Duration.ofSeconds(150);
  private static final int NOT_AUTHORIZED = 0x87;
  private static final Topics TOPICS = Topics.defaults();
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-a", "n02");
  private static final String FORGED_CAP = "{\"v\":1,\"id\":\"forged-1\",\"type\":"
      + "\"set_cpu_freq_cap\",\"value\":1200,\"lease_s\":600,\"issued_ts_ms\":1,"
      + "\"rule\":\"forged\"}";
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
  void every_node_reports_power_temperature_and_frequency() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode nodes = fixture.json("/api/nodes");
      assertThat(nodes).hasSize(32);
      for (JsonNode node : nodes) {
        assertThat(node.get("powerWatts").isNumber()).as("power of %s", node).isTrue();
        assertThat(node.get("cpuTempCelsius").isNumber()).isTrue();
        assertThat(node.get("cpuFreqMhz").isNumber()).isTrue();
        assertThat(node.get("stale").asBoolean()).isFalse();
      }
    });
  }

  @Test
  void an_overheating_node_is_capped_and_the_cap_reaches_the_node() {
    JsonNode action = await().atMost(OVERHEAT_WITHIN).pollInterval(Duration.ofSeconds(1))
        .until(() -> appliedThermalCap(fixture.json("/api/actions")), found -> found != null);

    assertThat(action.get("reason").asText()).contains("°C").contains("limit");
    assertThat(action.get("rule").asText()).isEqualTo("thermal-cap-cpu");
    String node = action.get("node").asText();
    double cap = action.get("after").asDouble();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode reported = nodeRow(fixture.json("/api/nodes"), node);
      assertThat(reported.get("cpuFreqCapMhz").asDouble())
          .as("cap read back from %s's telemetry", node)
          .isLessThan(reported.get("cpuFreqMaxMhz").asDouble());
    });
    assertThat(cap).isLessThan(3000);
  }

  @Test
  void every_action_is_in_the_audit_file_with_its_rule() throws Exception {
    await().atMost(OVERHEAT_WITHIN).until(() -> Files.exists(fixture.auditFile())
        && Files.readString(fixture.auditFile(), StandardCharsets.UTF_8)
            .contains("thermal-cap-cpu"));
    List<String> lines = Files.readAllLines(fixture.auditFile(), StandardCharsets.UTF_8);
    assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    JsonNode approved = new ObjectMapper().readTree(lines.stream()
        .filter(line -> line.contains("\"stage\":\"approved\"")).findFirst().orElseThrow());
    assertThat(approved.get("before").isNumber()).as("the cap in force before").isTrue();
    assertThat(approved.get("after").asDouble()).isLessThan(approved.get("before").asDouble());
    ChainReport chain = AuditVerifier.verify(List.of(fixture.auditFile()));
    assertThat(chain.breakCount()).as("places where the hash chain breaks").isZero();
    assertThat(chain.sealedRecords()).isGreaterThanOrEqualTo(lines.size() - 1);
  }

  @Test
  void a_malformed_message_is_counted_and_ingestion_goes_on() throws Exception {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> fixture.json("/api/ingest").get("accepted").asLong() > 0);
    try (MqttTestClient buggy01 = agentOf("n01", "buggy");
        MqttTestClient buggy02 = agentOf("n02", "buggy")) {
      buggy01.publish(TOPICS.nodeTelemetry(N01), "{\"v\":1,\"ts_ms\":NaN");
      buggy02.publish(TOPICS.nodeTelemetry(N02), "{\"v\":1,\"ts_ms\":1,\"seq\":1,\"power_w\":-40}");
    }
    long acceptedBefore = fixture.json("/api/ingest").get("accepted").asLong();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode ingest = fixture.json("/api/ingest");
      assertThat(ingest.get("rejected").get("malformed").asLong()).isEqualTo(1);
      assertThat(ingest.get("rejectedTotal").asLong()).isGreaterThanOrEqualTo(2);
      assertThat(ingest.get("accepted").asLong()).isGreaterThan(acceptedBefore);
    });
  }

  @Test
  void the_broker_admits_no_one_without_a_login_and_no_command_but_the_controllers()
      throws Exception {
    URI broker = fixture.demo().mqttUri();
    assertThatThrownBy(() -> MqttTestClient.connect(MqttEndpoint.anonymous(broker), "anon"))
        .isInstanceOf(MqttException.class);
    try (MqttTestClient watcher = MqttTestClient.connect(
            fixture.demo().logins().watcher(broker), "watcher");
        MqttTestClient neighbour = agentOf("n02", "intruder")) {
      assertThat(watcher.publishAnswered(TOPICS.nodeCommand(N01), FORGED_CAP, false))
          .isEqualTo(NOT_AUTHORIZED);
      assertThat(neighbour.publishAnswered(TOPICS.nodeCommand(N01), FORGED_CAP, false))
          .isEqualTo(NOT_AUTHORIZED);
    }

    String metrics = fixture.get("/metrics").body();
    assertThat(metrics).contains("kelvin_broker_refusals_total{reason=\"bad_login\"} 1.0")
        .contains("kelvin_broker_refusals_total{reason=\"publish_denied\"} 2.0");
    assertThat(Files.readString(fixture.auditFile(), StandardCharsets.UTF_8))
        .doesNotContain("forged");
  }

  private static MqttTestClient agentOf(String node, String role) throws MqttException {
    URI broker = fixture.demo().mqttUri();
    return MqttTestClient.connect(fixture.demo().logins().agent(broker,
        NodeId.of("site-a", node)), role);
  }

  @Test
  void health_is_up_and_metrics_are_prometheus_text() throws Exception {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(fixture.get("/health").statusCode()).isEqualTo(200);
      assertThat(fixture.json("/health").get("status").asText()).isEqualTo("UP");
    });
    String metrics = fixture.get("/metrics").body();
    assertThat(metrics).contains("kelvin_ingest_accepted_total", "kelvin_nodes ",
        "kelvin_control_tick_seconds", "kelvin_actions_total{stage=\"applied\"}",
        "kelvin_dashboard_streams ", "kelvin_dashboard_refused_total{reason=\"foreign_host\"}");
  }

  private static JsonNode appliedThermalCap(JsonNode actions) {
    for (JsonNode action : actions) {
      if ("thermal-cap-cpu".equals(action.get("rule").asText())
          && ("applied".equals(action.get("status").asText())
              || "renewed".equals(action.get("status").asText()))) {
        return action;
      }
    }
    return null;
  }

  private static JsonNode nodeRow(JsonNode nodes, String target) {
    List<String> seen = new ArrayList<>();
    for (JsonNode node : nodes) {
      String id = node.get("site").asText() + "/" + node.get("node").asText();
      if (id.equals(target)) {
        return node;
      }
      seen.add(id);
    }
    throw new AssertionError("no node " + target + " in /api/nodes, only " + seen);
  }
}
