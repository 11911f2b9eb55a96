package dev.kelvin.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code kelvin run} with {@code workload.slurm} on, against the test services'
 * Mosquitto and the local Slurm that {@code ./test.sh} starts ({@code scripts/slurm.sh}): the
 * controller says it reads Slurm, polls it on its own scheduler, and reports Slurm's four
 * nodes on {@code /metrics}, with no failed poll. What the report means (drains, jobs, down
 * nodes) is {@code SlurmWorkloadSourceIT}'s; this is the wiring.
 */
class RunSlurmIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void a_run_with_slurm_on_reports_slurms_nodes_from_its_polls() throws Exception {
    try (KelvinRunProcess run = KelvinRunProcess.start("slurm run", config()).awaitReady(WAIT)) {
      assertThat(run.line(Pattern.compile("workload\\s+(Slurm .*)")))
          .hasValue("Slurm (sinfo/squeue --json) as site site-it, every 1 s");

      await("Slurm polled twice").atMost(WAIT).pollInterval(Duration.ofMillis(200))
          .until(() -> run.metric("kelvin_workload_slurm_polls_ok_total") >= 2);

      assertThat(run.metric("kelvin_workload_slurm_nodes")).isEqualTo(4);
      assertThat(run.metric("kelvin_workload_slurm_polls_failed_total")).isZero();
      assertThat(run.stop(WAIT)).as("exit code of an orderly stop").isZero();
    }
  }

  private Path config() throws IOException {
    MqttEndpoint broker = TestServices.mqtt();
    Path password = Files.writeString(dir.resolve("mqtt.password"),
        broker.password().orElseThrow());
    return Files.writeString(dir.resolve("kelvin.yaml"), String.join("\n",
        "mqtt:", "  broker: " + broker.broker(),
        "  username: " + broker.username().orElseThrow(), "  password_file: " + password,
        "  topic_prefix: " + TestServices.uniqueTopics().prefix(),
        "audit:", "  file: " + dir.resolve("audit.jsonl"),
        "dashboard:", "  port: 0",
        "workload:", "  slurm:", "    enabled: true", "    site: site-it",
        "    poll_interval: 1s", "    command_timeout: 1s",
        "    conf_file: " + slurmConf(), ""));
  }

  private static String slurmConf() {
    String conf = System.getenv("KELVIN_IT_SLURM_CONF");
    if (conf == null || conf.isBlank()) {
      throw new IllegalStateException("KELVIN_IT_SLURM_CONF is not set: run ./test.sh, or"
          + " scripts/slurm.sh start and eval \"$(scripts/services.sh env)\"");
    }
    return conf;
  }
}
