package dev.kelvin.app.ops;

import dev.kelvin.actuators.slurm.SlurmStats;
import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * The Slurm source's part of {@code /health}: DEGRADED once its polls have failed for longer
 * than {@link #FAILED_POLLS} poll intervals (the controller decides on an older picture of the
 * jobs and drains, or, before the first good poll, on none), UP otherwise. Never DOWN: without
 * Slurm the controller still sees telemetry and acts on it.
 */
public final class SlurmHealth {
  /** Failed intervals tolerated before DEGRADED: one slow answer is no outage. */
  public static final int FAILED_POLLS = 3;

  private SlurmHealth() {}

  public static Component of(SlurmStats stats, Instant now, Duration pollInterval) {
    Duration failing = stats.failingFor(now);
    String report = stats.lastOk().map(at -> "the report of " + Duration.between(at, now)
        .toSeconds() + " s ago (" + stats.nodes() + " node(s), " + stats.jobs() + " job(s))")
        .orElse("no report yet");
    if (failing.compareTo(pollInterval.multipliedBy(FAILED_POLLS)) > 0) {
      return new Component(Status.DEGRADED, "Slurm polls have failed for " + failing.toSeconds()
          + " s, keeping " + report + ": " + stats.lastError().orElse("(no message)"));
    }
    String skipped = stats.rejects().isEmpty() ? "" : "; skipped " + stats.rejects().values()
        .stream().mapToLong(Long::longValue).sum() + " node(s) or job(s) since start (see the"
        + " log and kelvin_workload_slurm_rejected_total)";
    return new Component(Status.UP, stats.lastOk().isEmpty() ? "waiting for the first poll"
        : stats.nodes() + " node(s), " + stats.jobs() + " job(s), polled "
            + Duration.between(stats.lastOk().get(), now).toSeconds() + " s ago" + skipped);
  }
}
