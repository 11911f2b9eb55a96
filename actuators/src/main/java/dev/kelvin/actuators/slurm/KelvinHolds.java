package dev.kelvin.actuators.slurm;

import dev.kelvin.core.model.JobId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holds Kelvin placed in Slurm: each job and the begin time Kelvin gave it. A job whose
 * begin time Slurm shows as Kelvin set it is held by Kelvin; any other begin time (one its user
 * asked for with {@code --begin}, or one an operator changed) is not Kelvin's, and Kelvin
 * neither reports nor releases it as its own. Kept in memory: after a restart a job Kelvin held
 * is left to start at its begin time, which Slurm keeps with or without Kelvin. Shared by the
 * {@link SlurmWorkloadSource} that reports holds and the {@link SlurmActuator} that places
 * them. Thread-safe.
 */
public final class KelvinHolds {
  /** How far Slurm's begin time may lie from the one Kelvin asked for ("now" moved on). */
  static final Duration TOLERANCE = Duration.ofSeconds(5);

  private final Map<JobId, Instant> placed = new ConcurrentHashMap<>();

  void placed(JobId job, Instant until) {
    placed.put(job, until);
  }

  void released(JobId job) {
    placed.remove(job);
  }

  /** Whether Kelvin placed a hold on {@code job} that it has not released. */
  boolean placedOn(JobId job) {
    return placed.containsKey(job);
  }

  /**
   * Until when Kelvin holds {@code job}, given the begin time Slurm shows for it; empty when
   * Kelvin placed no hold or Slurm shows another begin time.
   */
  Optional<Instant> until(JobId job, Optional<Instant> begin) {
    Instant until = placed.get(job);
    return until != null && begin.isPresent() && close(until, begin.get())
        ? Optional.of(until) : Optional.empty();
  }

  /** Forgets the holds of jobs no longer pending (started, ended, or cancelled). */
  void keepOnly(Set<JobId> pending) {
    placed.keySet().retainAll(pending);
  }

  static boolean close(Instant a, Instant b) {
    return Duration.between(a, b).abs().compareTo(TOLERANCE) <= 0;
  }
}
