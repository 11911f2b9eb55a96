package dev.kelvin.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workload manager (Slurm, or the simulator's scheduler) says of one node's
 * availability, apart from its telemetry: whether it is idle, busy, suspended (powered down to
 * save energy), booting or down, since when, and whether it is drained and by whom. A suspended
 * or booting node is silent on purpose: its stale telemetry is not a failure (a down node's
 * is).
 *
 * @param since when the node entered {@code state} (idle since, suspended since)
 * @param drainedAt when it was drained; empty when it is not
 * @param drainedByKelvin whether Kelvin drained it (so that Kelvin may resume it), as opposed
 *     to an operator or the workload manager itself
 */
public record NodeAvailability(NodeId node, State state, Instant since,
    Optional<Instant> drainedAt, boolean drainedByKelvin) {

  /** Where a node is in its power and scheduling life. */
  public enum State {
    /** Powered, taking no job now. */
    IDLE,
    /** Running at least one job. */
    BUSY,
    /** Powered down while idle; a wake brings it back through {@link #BOOTING}. */
    SUSPENDED,
    /** Powering up after a wake; silent until it has booted. */
    BOOTING,
    /** Failed or taken out of service: no job runs on it until someone brings it back. */
    DOWN
  }

  public NodeAvailability {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(drainedAt, "drainedAt");
    if (drainedByKelvin && drainedAt.isEmpty()) {
      throw new IllegalArgumentException(node + " is said to be drained by Kelvin but has no"
          + " drain time: give drainedAt, or drainedByKelvin false for a node not drained");
    }
  }

  /** A node in {@code state} since {@code since}, not drained. */
  public static NodeAvailability of(NodeId node, State state, Instant since) {
    return new NodeAvailability(node, state, since, Optional.empty(), false);
  }

  public boolean drained() {
    return drainedAt.isPresent();
  }

  /** How long it has been in its state at {@code now}; zero when {@code since} is later. */
  public Duration inStateFor(Instant now) {
    Duration age = Duration.between(since, now);
    return age.isNegative() ? Duration.ZERO : age;
  }

  /**
   * Whether its telemetry is silent on purpose: suspended or booting. A down node is not: its
   * silence is a failure, and a site whose nodes all went down has lost its lease.
   */
  public boolean silentByDesign() {
    return state == State.SUSPENDED || state == State.BOOTING;
  }
}
