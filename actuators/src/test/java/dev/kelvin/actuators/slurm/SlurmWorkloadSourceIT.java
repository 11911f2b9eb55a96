package dev.kelvin.actuators.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.time.WallClockScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slurm source against the real Slurm 22.05 that {@code scripts/slurm.sh} starts (nodes
 * n1..n4, {@code ./test.sh} starts it): a drain, a running job and a node set down are seen
 * as Kelvin's node availability and jobs, through the real commands.
 */
class SlurmWorkloadSourceIT {
  private static final SiteId SITE = SiteId.of("site-it");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final String conf = required("KELVIN_IT_SLURM_CONF");
  private final String jobsDir = required("KELVIN_IT_SLURM_JOBS_DIR");
  private final SlurmSettings settings = new SlurmSettings(SITE, Duration.ofSeconds(1),
      Duration.ofSeconds(1), Optional.empty(), List.of(), Optional.of(Path.of(conf)));
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final WallClockScheduler scheduler = new WallClockScheduler("slurm-it");
  private final List<String> jobs = new ArrayList<>();
  private SlurmWorkloadSource source;

  private static String required(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(variable + " is not set: run ./test.sh, or"
          + " scripts/slurm.sh start and eval \"$(scripts/slurm.sh env)\"");
    }
    return value;
  }

  @BeforeEach
  void start() {
    source = new SlurmWorkloadSource(settings, new ProcessSlurmQuery(settings), scheduler,
        state).start();
  }

  @AfterEach
  void cleanUp() throws Exception {
    source.close();
    scheduler.close();
    if (!jobs.isEmpty()) {
      List<String> cancel = new ArrayList<>(List.of("scancel"));
      cancel.addAll(jobs);
      run(cancel.toArray(String[]::new));
    }
    // a node that is neither drained nor down refuses RESUME: that is fine here
    run("scontrol", "update", "NodeName=n1", "State=RESUME");
    run("scontrol", "update", "NodeName=n2", "State=RESUME");
  }

  private NodeAvailability node(String name) {
    NodeAvailability node = state.snapshot(scheduler.now()).availability()
        .get(new NodeId(SITE, name));
    assertThat(node).as("node %s reported", name).isNotNull();
    return node;
  }

  @Test
  void reports_a_drain_a_running_job_on_a_busy_node_and_a_node_set_down() throws Exception {
    slurm("scontrol", "update", "NodeName=n1", "State=DRAIN", "Reason=kelvin: it drain");
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
      assertThat(node("n1").drained()).isTrue();
      assertThat(node("n1").drainedByKelvin()).isTrue();
    });

    jobs.add(slurm("sbatch", "--parsable", "-o", jobsDir + "/%j.out", "--time=2",
        "--wrap", "sleep 60").strip());
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
      Job job = state.snapshot(scheduler.now()).jobs().values().stream()
          .filter(j -> j.id().value().equals(jobs.get(0))).findFirst().orElseThrow();
      assertThat(job.state()).isEqualTo(Job.State.RUNNING);
      assertThat(job.nodes()).hasSize(1);
      assertThat(job.requestedTime()).isEqualTo(Duration.ofMinutes(2));
      assertThat(node(job.nodes().get(0).name()).state()).isEqualTo(State.BUSY);
      assertThat(job.nodes().get(0).name()).isNotEqualTo("n1");
    });

    slurm("scontrol", "update", "NodeName=n2", "State=DOWN", "Reason=x");
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> assertThat(node("n2").state())
        .isEqualTo(State.DOWN));
    assertThat(source.stats().pollsFailed()).isZero();
    assertThat(source.stats().rejects()).isEmpty();
  }

  /** Runs a Slurm command against the test cluster and returns its output; it must succeed. */
  private String slurm(String... command) throws IOException, InterruptedException {
    Process process = run(command);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    return out;
  }

  private Process run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.PIPE);
    builder.environment().put("SLURM_CONF", conf);
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return process;
  }
}
