package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One job as the rules see it, at the snapshot's time: its site, whether it runs, the nodes it
 * runs on, its size and priority, whether it may be deferred, and its ages in seconds.
 *
 * @param runningSeconds how long it has run; 0 while pending
 * @param waitingSeconds how long since it was submitted
 * @param requestedSeconds the wall time it asked for
 * @param checkpointAgeSeconds the work a failure would lose now (since its last checkpoint, or
 *     its start); {@code NaN} while pending
 * @param heldSeconds how long its hold ({@code HoldJob}) has left; 0 when not held
 */
public record JobFact(JobId job, SiteId site, boolean running, List<NodeId> nodes, int size,
    long priority, boolean deferrable, double runningSeconds, double waitingSeconds,
    double requestedSeconds, double checkpointAgeSeconds, double heldSeconds) {

  public JobFact {
    nodes = List.copyOf(nodes);
  }

  public static JobFact of(Job job, Instant now) {
    return new JobFact(job.id(), job.site(), job.state() == Job.State.RUNNING, job.nodes(),
        job.size(), job.priority(), job.deferrable(), seconds(job.runningFor(now).toMillis()),
        seconds(now.toEpochMilli() - job.submittedAt().toEpochMilli()),
        seconds(job.requestedTime().toMillis()),
        job.checkpointAge(now).map(age -> seconds(age.toMillis())).orElse(Double.NaN),
        job.heldAt(now) ? seconds(job.heldUntil().orElseThrow().toEpochMilli()
            - now.toEpochMilli()) : 0);
  }

  /** A fact for each of {@code jobs} that {@code wanted} takes, in their order, at {@code now}. */
  public static List<JobFact> ofEach(List<Job> jobs, Instant now, Predicate<Job> wanted) {
    List<JobFact> facts = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      if (wanted.test(job)) {
        facts.add(of(job, now));
      }
    }
    return facts;
  }

  /** Whether it is held now. */
  public boolean held() {
    return heldSeconds > 0;
  }

  /** Whether it runs on {@code node}. */
  public boolean runsOn(NodeId node) {
    return nodes.contains(node);
  }

  private static double seconds(long millis) {
    return millis / 1000.0;
  }
}
