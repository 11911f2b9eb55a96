package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The running jobs of every node, one fact for the whole snapshot: a rule that needs the jobs of
 * a few nodes reads them {@code from} it instead of joining every node with every job. A
 * {@link JobFact} is made only for the nodes a rule asks about.
 */
public final class JobsByNode {
  private final Map<NodeId, List<Job>> byNode;
  private final Instant now;

  private JobsByNode(Map<NodeId, List<Job>> byNode, Instant now) {
    this.byNode = byNode;
    this.now = now;
  }

  /**
   * Indexes the running ones of {@code jobs}, each under every node it runs on, in job order, as
   * at {@code now}.
   */
  public static JobsByNode of(Collection<Job> jobs, Instant now) {
    return of(JobTallies.of(jobs), now);
  }

  /** The running jobs {@code tallies} gathered, as at {@code now}. */
  static JobsByNode of(JobTallies tallies, Instant now) {
    return new JobsByNode(tallies.runningByNode(), now);
  }

  /** The jobs running on {@code node}, in the snapshot's job order; empty when none. */
  public List<JobFact> on(NodeId node) {
    return List.copyOf(JobFact.ofEach(byNode.getOrDefault(node, List.of()), now, job -> true));
  }
}
