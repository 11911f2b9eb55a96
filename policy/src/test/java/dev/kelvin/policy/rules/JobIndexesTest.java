package dev.kelvin.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.policy.Nodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobIndexesTest {
  private static final SiteId A = SiteId.of("site-a");
  private static final SiteId B = SiteId.of("site-b");
  private static final Instant NOW = Nodes.NOW;
  private static final NodeId N1 = NodeId.of("site-a", "n01");
  private static final NodeId N2 = NodeId.of("site-a", "n02");

  private static final Job RUNNING = running("r1", List.of(N1, N2));
  private static final Job PLAIN = pending("p1", A, false, Optional.empty());
  private static final Job DEFERRABLE = pending("p2", A, true, Optional.empty());
  private static final Job HELD = pending("p3", A, true, Optional.of(NOW.plusSeconds(600)));
  private static final Job HOLD_OVER = pending("p4", A, true, Optional.of(NOW.minusSeconds(1)));
  private static final Job ELSEWHERE = pending("p5", B, true, Optional.empty());
  private static final List<Job> JOBS =
      List.of(RUNNING, PLAIN, DEFERRABLE, HELD, HOLD_OVER, ELSEWHERE);

  @Test
  void lists_a_sites_queue_and_its_deferrable_and_held_jobs_in_job_order() {
    PendingJobs queue = PendingJobs.of(JOBS, NOW);

    assertThat(queue.at(A)).extracting(JobFact::job)
        .containsExactly(PLAIN.id(), DEFERRABLE.id(), HELD.id(), HOLD_OVER.id());
    assertThat(queue.deferrable(A)).extracting(JobFact::job)
        .containsExactly(DEFERRABLE.id(), HELD.id(), HOLD_OVER.id());
    assertThat(queue.held(A)).singleElement()
        .satisfies(fact -> assertThat(fact.heldSeconds()).isEqualTo(600));
    assertThat(queue.at(B)).extracting(JobFact::job).containsExactly(ELSEWHERE.id());
    assertThat(queue.at(SiteId.of("site-c"))).isEmpty();
  }

  @Test
  void lists_the_jobs_running_on_each_of_their_nodes_as_at_the_snapshot() {
    JobsByNode byNode = JobsByNode.of(JOBS, NOW);

    assertThat(byNode.on(N1)).singleElement().satisfies(fact -> {
      assertThat(fact.job()).isEqualTo(RUNNING.id());
      assertThat(fact.runningSeconds()).isEqualTo(300);
    });
    assertThat(byNode.on(N2)).extracting(JobFact::job).containsExactly(RUNNING.id());
    assertThat(byNode.on(NodeId.of("site-a", "n03"))).isEmpty();
  }

  @Test
  void tallies_jobs_per_site_and_node_and_the_queue_demand_that_fits_the_site() {
    Job wide = new Job(new JobId("p6"), A, Job.State.PENDING, List.of(), 5, NOW,
        Optional.empty(), Duration.ofHours(1), 5, false, Optional.empty());
    List<Job> jobs = new java.util.ArrayList<>(JOBS);
    jobs.add(wide);

    JobTallies tallies = JobTallies.of(jobs);

    assertThat(tallies.jobsAt(A)).isEqualTo(6);
    assertThat(tallies.jobsAt(B)).isEqualTo(1);
    Instant holdsOver = NOW.plusSeconds(600);
    assertThat(tallies.pendingDemand(A, 4, holdsOver))
        .as("the five-node job never fits four nodes").isEqualTo(4);
    assertThat(tallies.pendingDemand(A, 5, holdsOver)).isEqualTo(9);
    assertThat(tallies.running(N1)).isEqualTo(1);
    assertThat(tallies.topPriority(N2)).isEqualTo(5);
    assertThat(tallies.topPriority(NodeId.of("site-a", "n03"))).isNaN();
  }

  @Test
  void a_job_held_now_asks_for_no_nodes_until_its_hold_ends() {
    Job held = new Job(new JobId("p7"), A, Job.State.PENDING, List.of(), 3, NOW,
        Optional.empty(), Duration.ofHours(1), 5, true, Optional.empty(),
        Optional.of(NOW.plusSeconds(600)));
    List<Job> jobs = new java.util.ArrayList<>(JOBS);
    jobs.add(held);

    JobTallies tallies = JobTallies.of(jobs);

    assertThat(tallies.pendingDemand(A, 5, NOW)).as("p3 and p7 held for 10 more minutes")
        .isEqualTo(3);
    assertThat(tallies.pendingDemand(A, 5, NOW.plusSeconds(600))).as("their holds have ended")
        .isEqualTo(7);
  }

  private static Job running(String id, List<NodeId> nodes) {
    return new Job(new JobId(id), A, Job.State.RUNNING, nodes, nodes.size(),
        NOW.minusSeconds(900), Optional.of(NOW.minusSeconds(300)), Duration.ofHours(1), 5,
        false, Optional.empty());
  }

  private static Job pending(String id, SiteId site, boolean deferrable,
      Optional<Instant> heldUntil) {
    return new Job(new JobId(id), site, Job.State.PENDING, List.of(), 1, NOW.minusSeconds(60),
        Optional.empty(), Duration.ofHours(1), 5, deferrable, Optional.empty(), heldUntil);
  }
}
