package dev.kelvin.actuators.slurm;

import static dev.kelvin.actuators.slurm.Recorded.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class SlurmWorkloadSourceTest {
  private static final SiteId SITE = SiteId.of("site-a");
  /** A minute after the recordings' drains and down. */
  private final VirtualScheduler scheduler =
      new VirtualScheduler(Instant.ofEpochSecond(Recorded.DRAINED_AT + 60));
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final FakeSlurm slurm = new FakeSlurm();
  private final SlurmWorkloadSource source = new SlurmWorkloadSource(
      SlurmSettings.defaults(SITE), slurm, scheduler, state);

  /** Answers each command with the answer set last, or fails with the failure set. */
  private static final class FakeSlurm implements SlurmQuery {
    private volatile String sinfo = read("sinfo-idle.json");
    private volatile String squeue = read("squeue-running-and-pending.json");
    private volatile String failure;

    @Override
    public String run(String command, List<String> arguments) {
      assertThat(arguments).containsExactly("--json");
      if (failure != null) {
        throw new SlurmQueryException(failure);
      }
      return command.equals("sinfo") ? sinfo : squeue;
    }
  }

  private SortedMap<NodeId, NodeAvailability> availability() {
    return state.snapshot(scheduler.now()).availability();
  }

  private NodeAvailability node(String name) {
    return availability().get(new NodeId(SITE, name));
  }

  private void pollAfter(Duration wait) {
    scheduler.advanceBy(wait);
    source.poll();
  }

  @Test
  void hands_the_live_state_the_nodes_and_jobs_of_each_poll_on_the_scheduler() {
    source.start();
    scheduler.runDue();

    assertThat(availability()).hasSize(4);
    SortedMap<?, Job> jobs = state.snapshot(scheduler.now()).jobs();
    assertThat(jobs).hasSize(6);
    slurm.sinfo = read("sinfo-drained-and-down.json");
    scheduler.advanceBy(Duration.ofSeconds(10));
    assertThat(node("n3").state()).isEqualTo(State.DOWN);
    assertThat(source.stats().pollsOk()).isEqualTo(2);
  }

  @Test
  void dates_a_state_from_the_first_poll_that_saw_it_and_keeps_that_date_while_it_lasts() {
    Instant first = scheduler.now();
    source.poll();
    pollAfter(Duration.ofSeconds(30));

    assertThat(node("n2").state()).isEqualTo(State.IDLE);
    assertThat(node("n2").since()).isEqualTo(first);
    assertThat(node("n2").inStateFor(scheduler.now())).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void dates_a_new_state_from_the_poll_that_saw_it_change() {
    source.poll();
    slurm.sinfo = read("sinfo-drained-and-down.json");
    pollAfter(Duration.ofSeconds(10));
    Instant changed = scheduler.now();
    pollAfter(Duration.ofSeconds(10));

    assertThat(node("n4").state()).isEqualTo(State.BUSY);
    assertThat(node("n4").since()).isEqualTo(changed);
  }

  @Test
  void dates_a_down_node_from_the_time_slurm_marked_it_down() {
    slurm.sinfo = read("sinfo-drained-and-down.json");
    source.poll();

    assertThat(node("n3").state()).isEqualTo(State.DOWN);
    assertThat(node("n3").since()).isEqualTo(Instant.ofEpochSecond(Recorded.DRAINED_AT));
  }

  @Test
  void dates_a_node_marked_down_in_the_second_of_the_poll_before_by_slurms_time() {
    Instant markedDown = Instant.ofEpochSecond(Recorded.DRAINED_AT);
    VirtualScheduler clock = new VirtualScheduler(markedDown.plusMillis(300));
    ClusterState live = new ClusterState(StateSettings.defaults());
    SlurmWorkloadSource polling = new SlurmWorkloadSource(SlurmSettings.defaults(SITE), slurm,
        clock, live);
    polling.poll();
    slurm.sinfo = read("sinfo-drained-and-down.json");
    clock.advanceBy(Duration.ofSeconds(1));
    polling.poll();

    assertThat(live.snapshot(clock.now()).availability().get(new NodeId(SITE, "n3")).since())
        .as("Slurm's times are whole seconds; a restart that first sees n3 down dates it so too")
        .isEqualTo(markedDown);
  }

  @Test
  void reports_a_drain_with_its_time_and_whether_kelvin_drained_it() {
    slurm.sinfo = read("sinfo-drained-and-down.json");
    source.poll();

    assertThat(node("n1").drainedAt()).contains(Instant.ofEpochSecond(Recorded.DRAINED_AT));
    assertThat(node("n1").drainedByKelvin()).isTrue();
    assertThat(node("n2").drained()).isTrue();
    assertThat(node("n2").drainedByKelvin()).isFalse();
    assertThat(node("n4").drained()).isFalse();
  }

  @Test
  void keeps_the_last_report_when_a_command_fails_and_counts_the_failure() {
    source.poll();
    slurm.failure = "squeue --json timed out after 5000 ms";
    pollAfter(Duration.ofSeconds(10));
    pollAfter(Duration.ofSeconds(10));

    assertThat(availability()).hasSize(4);
    assertThat(state.snapshot(scheduler.now()).jobs()).hasSize(6);
    SlurmStats stats = source.stats();
    assertThat(stats.pollsOk()).isEqualTo(1);
    assertThat(stats.pollsFailed()).isEqualTo(2);
    assertThat(stats.lastError()).contains("squeue --json timed out after 5000 ms");
    assertThat(stats.failingFor(scheduler.now())).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void keeps_the_last_report_when_slurm_prints_what_is_not_json() {
    source.poll();
    slurm.sinfo = "<html>proxy error</html>";
    pollAfter(Duration.ofSeconds(10));

    assertThat(availability()).hasSize(4);
    assertThat(source.stats().pollsFailed()).isEqualTo(1);
    assertThat(source.stats().lastError().orElseThrow()).contains("sinfo --json",
        "no valid JSON");
  }

  @Test
  void is_failing_from_its_start_until_the_first_poll_succeeds_and_not_after() {
    slurm.failure = "cannot run sinfo";
    source.poll();
    pollAfter(Duration.ofSeconds(40));

    assertThat(source.stats().failingFor(scheduler.now())).isEqualTo(Duration.ofSeconds(40));
    assertThat(source.stats().lastOk()).isEmpty();
    slurm.failure = null;
    pollAfter(Duration.ofSeconds(10));
    assertThat(source.stats().failingFor(scheduler.now())).isZero();
    assertThat(source.stats().lastOk()).contains(scheduler.now());
  }

  @Test
  void counts_skipped_nodes_by_reason_and_reports_the_others() {
    slurm.sinfo = read("sinfo-idle.json").replaceFirst("\"name\": \"n1\"",
        "\"name\": \"n 1\"");
    source.poll();
    pollAfter(Duration.ofSeconds(10));

    assertThat(availability()).hasSize(3);
    SlurmStats stats = source.stats();
    assertThat(stats.nodes()).isEqualTo(3);
    assertThat(stats.jobs()).isEqualTo(6);
    assertThat(stats.rejects()).isEqualTo(Map.of(SlurmReject.BAD_NODE_NAME, 2L));
  }

  @Test
  void polls_no_more_once_closed() {
    source.start();
    scheduler.runDue();
    source.close();
    scheduler.advanceBy(Duration.ofMinutes(1));

    assertThat(source.stats().pollsOk()).isEqualTo(1);
  }
}
