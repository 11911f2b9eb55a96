package dev.kelvin.actuators.slurm;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Slurm source has done since start.
 *
 * @param pollsOk polls whose report replaced the last one
 * @param pollsFailed polls that kept the last report (a command failed, timed out, or printed
 *     what Kelvin cannot read)
 * @param nodes the nodes of the report in force
 * @param jobs the pending and running jobs of the report in force
 * @param rejects nodes and jobs skipped since start, by reason
 * @param lastOk when the report in force was polled; empty before the first
 * @param failingSince when the polls began to fail (the start, when none has succeeded yet);
 *     empty while the latest poll succeeded
 * @param lastError the latest failure's message
 */
public record SlurmStats(long pollsOk, long pollsFailed, int nodes, int jobs,
    Map<SlurmReject, Long> rejects, Optional<Instant> lastOk, Optional<Instant> failingSince,
    Optional<String> lastError) {
  public SlurmStats {
    rejects = Map.copyOf(rejects);
    Objects.requireNonNull(lastOk, "lastOk");
    Objects.requireNonNull(failingSince, "failingSince");
    Objects.requireNonNull(lastError, "lastError");
  }

  public long rejected(SlurmReject reason) {
    return rejects.getOrDefault(reason, 0L);
  }

  /** How long the polls have failed at {@code now}; zero while they succeed. */
  public Duration failingFor(Instant now) {
    return failingSince.map(since -> Duration.between(since, now)).filter(d -> !d.isNegative())
        .orElse(Duration.ZERO);
  }
}
