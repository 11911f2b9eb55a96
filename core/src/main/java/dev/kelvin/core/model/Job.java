package dev.kelvin.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch job as the workload manager (Slurm, or the simulator's scheduler) reports it: where
 * it runs, how many nodes it asked for, when it was submitted and started, the run time it
 * requested, its priority, whether it may wait for cheaper or cleaner power, and when it last
 * wrote a checkpoint.
 *
 * @param nodes the nodes it runs on (empty while pending)
 * @param size the number of nodes it asked for
 * @param requestedTime the wall time it asked for (its limit)
 * @param priority higher runs first; the workload manager's own scale
 * @param deferrable whether it may be held back within its deadline (carbon, price)
 * @param lastCheckpointAt when it last wrote a checkpoint it could restart from
 * @param heldUntil while pending, until when it is held back (a {@code HoldJob}); empty when
 *     not held
 */
public record Job(JobId id, SiteId site, State state, List<NodeId> nodes, int size,
    Instant submittedAt, Optional<Instant> startedAt, Duration requestedTime, long priority,
    boolean deferrable, Optional<Instant> lastCheckpointAt, Optional<Instant> heldUntil) {

  /** Where a job is in its life. */
  public enum State { PENDING, RUNNING }

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(requestedTime, "requestedTime");
    Objects.requireNonNull(lastCheckpointAt, "lastCheckpointAt");
    Objects.requireNonNull(heldUntil, "heldUntil");
    nodes = List.copyOf(nodes);
    if (size < 1) {
      throw new IllegalArgumentException("job " + id + " must ask for at least one node, was "
          + size);
    }
    if (requestedTime.isNegative() || requestedTime.isZero()) {
      throw new IllegalArgumentException("job " + id + " needs a positive requested time, was "
          + requestedTime);
    }
    requireConsistent(id, site, state, nodes, size, submittedAt, startedAt);
    if (state == State.RUNNING && heldUntil.isPresent()) {
      throw new IllegalArgumentException("running job " + id + " cannot be held (held until "
          + heldUntil.get() + "); only a pending job is");
    }
  }

  /** A job that is not held. */
  public Job(JobId id, SiteId site, State state, List<NodeId> nodes, int size,
      Instant submittedAt, Optional<Instant> startedAt, Duration requestedTime, long priority,
      boolean deferrable, Optional<Instant> lastCheckpointAt) {
    this(id, site, state, nodes, size, submittedAt, startedAt, requestedTime, priority,
        deferrable, lastCheckpointAt, Optional.empty());
  }

  /** Whether it is held at {@code now}: pending, with a hold that has not run out. */
  public boolean heldAt(Instant now) {
    return heldUntil.isPresent() && heldUntil.get().isAfter(now);
  }

  /** How long it has run at {@code now}; zero while pending. */
  public Duration runningFor(Instant now) {
    return startedAt.map(start -> Duration.between(start, now)).orElse(Duration.ZERO);
  }

  /**
   * How much work a failure would lose at {@code now}: the time since its last checkpoint, or
   * since it started when it has none; empty while pending.
   */
  public Optional<Duration> checkpointAge(Instant now) {
    if (state != State.RUNNING) {
      return Optional.empty();
    }
    Instant since = lastCheckpointAt.or(() -> startedAt).orElseThrow();
    return Optional.of(Duration.between(since, now));
  }

  public boolean runsOn(NodeId node) {
    return nodes.contains(node);
  }

  private static void requireConsistent(JobId id, SiteId site, State state, List<NodeId> nodes,
      int size, Instant submittedAt, Optional<Instant> startedAt) {
    if (state == State.RUNNING && (nodes.isEmpty() || startedAt.isEmpty())) {
      throw new IllegalArgumentException("running job " + id + " needs its nodes and its start"
          + " time");
    }
    if (state == State.PENDING && !nodes.isEmpty()) {
      throw new IllegalArgumentException("pending job " + id + " runs on no node yet, but lists "
          + nodes);
    }
    if (nodes.size() > size) {
      throw new IllegalArgumentException("job " + id + " asked for " + size + " nodes but runs"
          + " on " + nodes.size());
    }
    for (NodeId node : nodes) {
      if (!node.site().equals(site)) {
        throw new IllegalArgumentException("job " + id + " of site " + site + " lists node "
            + node + " of another site");
      }
    }
    if (startedAt.isPresent() && startedAt.get().isBefore(submittedAt)) {
      throw new IllegalArgumentException("job " + id + " started at " + startedAt.get()
          + ", before it was submitted at " + submittedAt);
    }
  }
}
