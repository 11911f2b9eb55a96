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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  private final TestSlurm cluster = new TestSlurm();
  private final SlurmSettings settings = new SlurmSettings(SITE, Duration.ofSeconds(1),
      Duration.ofSeconds(1), Optional.empty(), List.of(), Optional.of(Path.of(cluster.conf)));
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final WallClockScheduler scheduler = new WallClockScheduler("slurm-it");
  private final List<String> jobs = new ArrayList<>();
  private SlurmWorkloadSource source;

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
      cluster.run(cancel.toArray(String[]::new));
    }
    // a node that is neither drained nor down refuses RESUME: that is fine here
    cluster.run("scontrol", "update", "NodeName=n1", "State=RESUME");
    cluster.run("scontrol", "update", "NodeName=n2", "State=RESUME");
  }

  private NodeAvailability node(String name) {
    NodeAvailability node = state.snapshot(scheduler.now()).availability()
        .get(new NodeId(SITE, name));
    assertThat(node).as("node %s reported", name).isNotNull();
    return node;
  }

  @Test
  void reports_a_drain_a_running_job_on_a_busy_node_and_a_node_set_down() throws Exception {
    cluster.slurm("scontrol", "update", "NodeName=n1", "State=DRAIN", "Reason=kelvin: it drain");
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
      assertThat(node("n1").drained()).isTrue();
      assertThat(node("n1").drainedByKelvin()).isTrue();
    });

    jobs.add(cluster.slurm("sbatch", "--parsable", "-o", cluster.jobsDir + "/%j.out",
        "--time=2", "--wrap", "sleep 60"));
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
      Job job = state.snapshot(scheduler.now()).jobs().values().stream()
          .filter(j -> j.id().value().equals(jobs.get(0))).findFirst().orElseThrow();
      assertThat(job.state()).isEqualTo(Job.State.RUNNING);
      assertThat(job.nodes()).hasSize(1);
      assertThat(job.requestedTime()).isEqualTo(Duration.ofMinutes(2));
      assertThat(node(job.nodes().get(0).name()).state()).isEqualTo(State.BUSY);
      assertThat(job.nodes().get(0).name()).isNotEqualTo("n1");
    });

    cluster.slurm("scontrol", "update", "NodeName=n2", "State=DOWN", "Reason=x");
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> assertThat(node("n2").state())
        .isEqualTo(State.DOWN));
    assertThat(source.stats().pollsFailed()).isZero();
    assertThat(source.stats().rejects()).isEmpty();
  }
}
