package dev.kelvin.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.telemetry.store.InfluxAdmin;
import dev.kelvin.telemetry.store.InfluxSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live mode as an operator runs it, each part its own process against the real Mosquitto
 * (password login, anonymous off): {@code kelvin run} with its configuration file and three
 * {@code kelvin agent} processes from the slim artifact, one of them hot. The controller sees
 * their readings, caps the hot node, and the cap is applied and read back; then the controller
 * is killed with SIGKILL, and the agent restores the cap on its own once the lease runs out.
 * The controller keeps every reading and the cap's audit records in the real InfluxDB.
 */
class LiveRunWithAgentsIT {
  private static final Duration LEASE = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DASHBOARD = Pattern.compile("dashboard\\s+(http://\\S+)");

  @TempDir
  Path scratch;

  private final Topics topics = TestServices.uniqueTopics();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private InfluxSettings influxSettings;

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_hot_node_is_capped_over_the_real_broker_and_restored_after_the_controller_dies()
      throws Exception {
    MqttEndpoint broker = TestServices.mqtt();
    Path password = Files.writeString(scratch.resolve("mqtt.password"),
        broker.password().orElseThrow());
    InfluxAdmin influx = influx();
    later(() -> {
      influx.dropDatabase();
      influx.close();
    });
    Files.writeString(scratch.resolve("influx.password"),
        influxSettings.password().orElseThrow());
    MqttTestClient watcher = later(MqttTestClient.connect(broker, "watcher"))
        .subscribe(topics.prefix() + "/#");
    KelvinProcess controller = later(KelvinProcess.controller(scratch.resolve("run.err"), "run",
        "--config", controllerConfig(broker, password).toString()));
    URI dashboard = URI.create(controller.awaitLine(DASHBOARD, Duration.ofSeconds(60)));
    List<KelvinProcess> agents = new ArrayList<>();
    agents.add(agent("n01", 30, 1.0, password));
    agents.add(agent("n02", 20, 0.4, password));
    agents.add(agent("n03", 20, 0.4, password));

    await("three nodes reporting on the dashboard").atMost(Duration.ofSeconds(30))
        .until(() -> json(dashboard, "/api/nodes").size() == 3);
    JsonNode cap = await("a thermal cap applied").atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> applied(json(dashboard, "/api/actions")), found -> found != null);
    assertThat(cap.get("node").asText()).isEqualTo("site-a/n01");
    double capped = cap.get("after").asDouble();
    await("the cap read back in n01's telemetry").atMost(Duration.ofSeconds(10))
        .until(() -> lastCap(watcher, "n01") == capped);

    await("the readings of the three nodes and the cap's records in InfluxDB")
        .atMost(Duration.ofSeconds(15)).until(() -> influx.count(
            "SELECT count(power_w) FROM node WHERE node = 'n03'") > 0 && influx.count(
            "SELECT count(reason) FROM action WHERE rule = 'thermal-cap-cpu'") > 0);

    controller.kill();

    await("the controller's Last Will").atMost(Duration.ofSeconds(10))
        .until(() -> watcher.last(topics.controllerStatus()).orElse(""), "offline"::equals);
    await("n01 back at its maximum once the lease ran out").atMost(LEASE.plusSeconds(15))
        .until(() -> lastCap(watcher, "n01") == 3000);
    for (KelvinProcess agent : agents) {
      assertThat(agent.stop(Duration.ofSeconds(20))).as("agent exit code").isZero();
      assertThat(agent.out()).contains("Kelvin agent stopped.");
      assertThat(agent.stderrText()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  /** A database of its own on the test InfluxDB, dropped at the end. */
  private InfluxAdmin influx() {
    influxSettings = InfluxSettings.defaults(
        URI.create(TestServices.required("KELVIN_IT_INFLUX_URL")),
        TestServices.unique("kelvin_it_live").replace('-', '_'), scratch.resolve("spool"))
        .withLogin(TestServices.required("KELVIN_IT_INFLUX_USERNAME"),
            TestServices.required("KELVIN_IT_INFLUX_PASSWORD"));
    InfluxAdmin admin = new InfluxAdmin(influxSettings);
    admin.createDatabase();
    return admin;
  }

  private KelvinProcess agent(String node, double inletCelsius, double load, Path password)
      throws Exception {
    Path config = Files.writeString(scratch.resolve(node + ".yaml"), String.join("\n",
        "site: site-a", "node: " + node, "rack: r1", "mqtt:",
        "  broker: " + TestServices.mqtt().broker(),
        "  username: " + TestServices.mqtt().username().orElseThrow(),
        "  password_file: " + password, "  topic_prefix: " + topics.prefix(),
        "publish_interval: 1s", "simulated:", "  inlet_c: " + inletCelsius,
        "  workload: steady", "  steady_load: " + load, ""));
    KelvinProcess agent = later(KelvinProcess.agent(scratch.resolve(node + ".err"), "--config",
        config.toString(), "--simulated"));
    agent.awaitLine(Pattern.compile("agent of site-a/" + node + " ready"), Duration.ofSeconds(30));
    return agent;
  }

  private Path controllerConfig(MqttEndpoint broker, Path password) throws Exception {
    return Files.writeString(scratch.resolve("kelvin.yaml"), String.join("\n",
        "mqtt:", "  broker: " + broker.broker(),
        "  username: " + broker.username().orElseThrow(), "  password_file: " + password,
        "  topic_prefix: " + topics.prefix(),
        "policy:", "  cap_lease: " + LEASE.toSeconds() + "s", "  settle_time: 5s",
        "guard:", "  min_dwell: 5s",
        "audit:", "  file: " + scratch.resolve("audit.jsonl"),
        "store:", "  influx:", "    url: " + influxSettings.url(),
        "    database: " + influxSettings.database(),
        "    username: " + influxSettings.username().orElseThrow(),
        "    password_file: " + scratch.resolve("influx.password"),
        "    spool_dir: " + scratch.resolve("spool"),
        "    flush_interval: 200ms",
        "dashboard:", "  port: 0", ""));
  }

  private double lastCap(MqttTestClient watcher, String node) {
    List<MqttTestClient.Received> readings = watcher.on(topics.prefix() + "/site-a/node/"
        + node + "/telemetry");
    if (readings.isEmpty()) {
      return Double.NaN;
    }
    Object cap = readings.get(readings.size() - 1).json().get("cpu_freq_cap_mhz");
    return cap == null ? Double.NaN : ((Number) cap).doubleValue();
  }

  private static JsonNode applied(JsonNode actions) {
    for (JsonNode action : actions) {
      if ("thermal-cap-cpu".equals(action.get("rule").asText())
          && "applied".equals(action.get("status").asText())) {
        return action;
      }
    }
    return null;
  }

  private JsonNode json(URI dashboard, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(dashboard.resolve(path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private <T extends AutoCloseable> T later(T closeable) {
    toClose.add(closeable);
    return closeable;
  }
}
