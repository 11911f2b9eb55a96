package dev.kelvin.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.telemetry.store.InfluxSettings;
import dev.kelvin.telemetry.store.InfluxTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code kelvin run} with {@code workload.slurm} on, every part real: the local
 * Slurm of {@code scripts/slurm.sh} (which {@code ./test.sh} starts) and its {@code scontrol},
 * the test services' Mosquitto and InfluxDB (readings and availability stored). The first run
 * says it reads Slurm, reports Slurm's four nodes on {@code /metrics} with no failed poll, and
 * stores node n3's change to down as one {@code node_state} point; the second run, on the same
 * database, reads the site's failure history back for the shipped failure model
 * ({@code read="failures"}). The dashboard lists n3 down, though it sends no telemetry. With
 * {@code workload.slurm.actions}, an operator rule's drain waits for an operator's approval
 * (the default for drains), and once approved on the dashboard's API is carried out in Slurm
 * and audited applied; and a deferrable job is held while the grid's carbon intensity
 * (published over MQTT) is high and released once it is low. What a report means (drains, jobs, down nodes) is
 * {@code SlurmWorkloadSourceIT}'s, what each action does {@code SlurmActuatorIT}'s; this is the
 * wiring.
 */
class RunSlurmIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOWN_N3 = "SELECT count(since_ms) FROM node_state WHERE"
      + " \"site\" = 'site-fh' AND \"node\" = 'n3' AND \"state\" = 'down'";

  @TempDir
  Path dir;

  private final InfluxTestDatabase db = InfluxTestDatabase.onTestServices();
  private final Topics topics = TestServices.uniqueTopics();
  private final List<String> jobs = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    if (!jobs.isEmpty()) {
      List<String> cancel = new ArrayList<>(List.of("scancel"));
      cancel.addAll(jobs);
      slurm(cancel.toArray(String[]::new));
    }
    for (String node : List.of("n1", "n2", "n3")) {
      // a node that is neither drained nor down refuses RESUME: that is fine here
      ProcessBuilder resume = new ProcessBuilder("scontrol", "update", "NodeName=" + node,
          "State=RESUME").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      resume.environment().put("SLURM_CONF", slurmConf());
      resume.start().waitFor(20, TimeUnit.SECONDS);
    }
    db.close();
  }

  @Test
  @Timeout(value = 150, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void reports_slurms_nodes_and_a_node_it_sets_down_is_read_back_as_a_failure_after_a_restart()
      throws Exception {
    Path config = config(db.settings(dir.resolve("spool")));
    try (KelvinRunProcess first = KelvinRunProcess.start("first run", config)
        .awaitReady(WAIT)) {
      assertThat(first.line(Pattern.compile("workload\\s+(Slurm .*)")))
          .hasValue("Slurm (sinfo/squeue --json) as site site-fh, every 1 s; read only");
      await("Slurm polled twice").atMost(WAIT).pollInterval(Duration.ofMillis(200))
          .until(() -> first.metric("kelvin_workload_slurm_polls_ok_total") >= 2);
      assertThat(first.metric("kelvin_workload_slurm_nodes")).isEqualTo(4);
      assertThat(first.metric("kelvin_workload_slurm_polls_failed_total")).isZero();
      assertThat(db.count(DOWN_N3)).as("no failure stored before").isZero();

      scontrol("update", "NodeName=n3", "State=DOWN", "Reason=kelvin-it-failure");

      await("n3's change to down stored").atMost(WAIT).pollInterval(Duration.ofMillis(200))
          .until(() -> db.count(DOWN_N3) == 1);
      assertThat(first.get("/api/nodes")).as("the dashboard lists n3 down, silent as it is")
          .containsPattern("\\{\"site\":\"site-fh\",\"node\":\"n3\",[^}]*\"state\":\"down\"");
      assertThat(first.stop(WAIT)).as("exit code of an orderly stop").isZero();
    }
    try (KelvinRunProcess second = KelvinRunProcess.start("second run", config)
        .awaitReady(WAIT)) {
      await("the site's failure history read back").atMost(WAIT)
          .pollInterval(Duration.ofMillis(200)).until(() -> second.metric(
              "kelvin_predictor_backfill_scopes_total",
              List.of("outcome=\"filled\"", "read=\"failures\"")) >= 1);
      assertThat(second.metric("kelvin_predictor_backfill_scopes_total",
          List.of("outcome=\"failed\"", "read=\"failures\""))).isZero();
      assertThat(db.count(DOWN_N3)).as("a restart stores the same failure once").isEqualTo(1);
      assertThat(second.stop(WAIT)).as("exit code of an orderly stop").isZero();
    }
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void holds_a_rules_drain_for_approval_and_carries_it_out_in_slurm_once_approved()
      throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/drain-n2.drl"), String.join("\n",
        "package dev.kelvin.policy.rules;",
        "import dev.kelvin.core.model.NodeId;",
        "rule \"it-drain-n2\"",
        "when",
        "    $n2 : NodeStateFact( node == NodeId.of(\"site-fh\", \"n2\"), drained == false )",
        "then",
        "    insert( new NodeProposal(drools.getRule().getName(), $n2.node(),",
        "        NodeProposal.Kind.DRAIN, \"integration test drain\", java.util.List.of(),",
        "        java.util.Optional.empty()) );",
        "end", ""));
    Path config = config(db.settings(dir.resolve("spool")), "    actions: true",
        "policy:", "  rules_dir: rules");
    try (KelvinRunProcess run = KelvinRunProcess.start("run with actions", config)
        .awaitReady(WAIT)) {
      assertThat(run.line(Pattern.compile("workload\\s+(Slurm .*)"))).hasValue("Slurm"
          + " (sinfo/squeue --json) as site site-fh, every 1 s; drains, resumes, requeues and job"
          + " holds carried out with scontrol");

      AtomicReference<String> held = new AtomicReference<>();
      await("the drain held for an operator").atMost(WAIT).pollInterval(Duration.ofMillis(200))
          .until(() -> proposed(run.get("/api/approvals"), "it-drain-n2", held));
      assertThat(sinfo("n2")).as("nothing done before the approval").startsWith("idle");

      run.post("/api/actions/" + held.get() + "/approve", "{\"comment\":\"it: approved\"}");

      await("n2 drained in Slurm").atMost(WAIT).pollInterval(Duration.ofMillis(200))
          .until(() -> sinfo("n2").equals("drained|kelvin: it-drain-n2: integration test"
              + " drain"));
      await("the drain counted applied").atMost(WAIT).pollInterval(Duration.ofMillis(200))
          .until(() -> run.metric("kelvin_workload_slurm_actions_total",
              List.of("outcome=\"applied\"")) >= 1);
      assertThat(run.metric("kelvin_workload_slurm_actions_total",
          List.of("outcome=\"failed\""))).isZero();
      assertThat(run.get("/health")).containsPattern("\"workload-slurm-actions\":\\{\"status\":"
          + "\"UP\"");
      assertThat(run.stop(WAIT)).as("exit code of an orderly stop").isZero();
    }
    assertThat(Files.readAllLines(dir.resolve("audit.jsonl"))).as("the audit log")
        .anySatisfy(line -> assertThat(line).contains("\"stage\":\"approved_by_operator\"",
            "\"type\":\"drain_node\"", "\"rule\":\"it-drain-n2\""))
        .anySatisfy(line -> assertThat(line).contains("\"stage\":\"applied\"",
            "\"type\":\"drain_node\"", "\"rule\":\"it-drain-n2\"", "drained in Slurm"));
  }

  /**
   * Whether {@code approvals} (the body of /api/approvals) lists a proposed action of
   * {@code rule}; if so, {@code id} gets its id.
   */
  private static boolean proposed(String approvals, String rule, AtomicReference<String> id)
      throws IOException {
    for (JsonNode approval : JSON.readTree(approvals)) {
      if (approval.path("state").asText().equals("proposed")
          && approval.path("rule").asText().equals(rule)) {
        id.set(approval.path("id").asText());
        return true;
      }
    }
    return false;
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void holds_a_deferrable_job_while_the_grid_is_dirty_and_releases_it_once_clean()
      throws Exception {
    scontrol("update", "NodeName=n1", "State=DRAIN", "Reason=operator: keeps the job pending");
    String job = slurm("sbatch", "--parsable", "-o", slurmJobs() + "/%j.out", "--time=2",
        "-w", "n1", "--comment=kelvin:deferrable", "--wrap", "sleep 30");
    jobs.add(job);
    Path config = config(db.settings(dir.resolve("spool")), "    actions: true");
    try (KelvinRunProcess run = KelvinRunProcess.start("run with holds", config)
        .awaitReady(WAIT);
        MqttTestClient grid = MqttTestClient.connect(TestServices.mqtt(), "grid-feed")) {
      grid.publish(topics.facility(SiteId.of("site-fh"), new SensorId("grid")), carbon(650));
      await("the job held by its begin time").atMost(WAIT).pollInterval(Duration.ofMillis(200))
          .until(() -> !slurm("squeue", "-h", "-j", job, "-o", "%S").equals("N/A"));

      grid.publish(topics.facility(SiteId.of("site-fh"), new SensorId("grid")), carbon(120));
      await("the hold released").atMost(WAIT).pollInterval(Duration.ofMillis(200))
          .until(() -> slurm("squeue", "-h", "-j", job, "-o", "%S").equals("N/A"));
      assertThat(run.metric("kelvin_workload_slurm_actions_total",
          List.of("outcome=\"applied\""))).isEqualTo(2);
      assertThat(run.stop(WAIT)).as("exit code of an orderly stop").isZero();
    }
    assertThat(Files.readAllLines(dir.resolve("audit.jsonl"))).as("the audit log")
        .anySatisfy(line -> assertThat(line).contains("\"stage\":\"applied\"",
            "\"type\":\"hold_job\"", "\"rule\":\"carbon-price-hold\""))
        .anySatisfy(line -> assertThat(line).contains("\"stage\":\"applied\"",
            "\"type\":\"release_job\"", "\"rule\":\"carbon-price-release\""));
  }

  /**
   * A grid carbon reading stamped now: the controller refuses readings whose clock is skewed,
   * so a live run's reading carries the real time.
   */
  private static String carbon(double gramsPerKwh) {
    return "{\"v\":1,\"ts_ms\":" + Clock.systemUTC().millis() + ",\"kind\":"
        + "\"grid_carbon_g_per_kwh\",\"value\":" + gramsPerKwh + "}";
  }

  private Path config(InfluxSettings influx, String... slurmAndMore)
      throws IOException {
    MqttEndpoint broker = TestServices.mqtt();
    Path mqttPassword = Files.writeString(dir.resolve("mqtt.password"),
        broker.password().orElseThrow());
    Path influxPassword = Files.writeString(dir.resolve("influx.password"),
        influx.password().orElseThrow());
    return Files.writeString(dir.resolve("kelvin.yaml"), String.join("\n",
        "mqtt:", "  broker: " + broker.broker(),
        "  username: " + broker.username().orElseThrow(), "  password_file: " + mqttPassword,
        "  topic_prefix: " + topics.prefix(),
        "audit:", "  file: " + dir.resolve("audit.jsonl"),
        "dashboard:", "  port: 0",
        "store:", "  influx:", "    url: " + influx.url(), "    database: " + influx.database(),
        "    username: " + influx.username().orElseThrow(),
        "    password_file: " + influxPassword, "    spool_dir: " + influx.spoolDir(),
        "    flush_interval: 200ms",
        "workload:", "  slurm:", "    enabled: true", "    site: site-fh",
        "    poll_interval: 1s", "    command_timeout: 1s", "    conf_file: " + slurmConf(),
        String.join("\n", slurmAndMore), ""));
  }

  /** Node {@code name}'s state and reason as {@code sinfo} prints them: {@code state|reason}. */
  private static String sinfo(String name) throws IOException, InterruptedException {
    return slurm("sinfo", "-h", "-N", "-n", name, "-o", "%T|%E");
  }

  /** Runs {@code scontrol} with the local Slurm's configuration; fails on a non-zero exit. */
  private static void scontrol(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("scontrol"));
    command.addAll(List.of(args));
    slurm(command.toArray(String[]::new));
  }

  /** Runs a Slurm command with the local Slurm's configuration and returns its output. */
  private static String slurm(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SLURM_CONF", slurmConf());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: "
          + output.strip());
    }
    return output.strip();
  }

  private static String slurmJobs() {
    return TestServices.required("KELVIN_IT_SLURM_JOBS_DIR");
  }

  private static String slurmConf() {
    return TestServices.required("KELVIN_IT_SLURM_CONF");
  }
}
