package dev.kelvin.app.ops;

import dev.kelvin.actuators.slurm.SlurmActuator;
import dev.kelvin.core.action.ActionResult.Outcome;
import java.util.Locale;

import static dev.kelvin.app.ops.StatsMeters.counter;
import static dev.kelvin.app.ops.StatsMeters.gauge;

import dev.kelvin.actuators.slurm.SlurmReject;
import dev.kelvin.actuators.slurm.SlurmStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The Slurm workload source on {@code /metrics}: polls that replaced the report and polls that
 * kept the last one, the nodes and jobs of the report in force, nodes and jobs skipped by reason.
 */
public final class SlurmMetrics {
  private SlurmMetrics() {}

  /** Registers the meters, each reading {@code stats} when scraped (captured, so it lives). */
  public static void bind(MeterRegistry registry, Supplier<SlurmStats> stats) {
    counter(registry, stats, "kelvin.workload.slurm.polls.ok", "Slurm polls whose report"
        + " replaced the last one", SlurmStats::pollsOk);
    counter(registry, stats, "kelvin.workload.slurm.polls.failed", "Slurm polls that kept the"
        + " last report (a command failed, timed out or printed what Kelvin cannot read)",
        SlurmStats::pollsFailed);
    gauge(registry, stats, "kelvin.workload.slurm.nodes", "Nodes of the Slurm report in force",
        SlurmStats::nodes);
    gauge(registry, stats, "kelvin.workload.slurm.jobs", "Pending and running jobs of the"
        + " Slurm report in force", SlurmStats::jobs);
    for (SlurmReject reason : SlurmReject.values()) {
      FunctionCounter.builder("kelvin.workload.slurm.rejected", stats,
              s -> stats.get().rejected(reason))
          .tag("reason", reason.label())
          .description("Slurm nodes and jobs skipped because Kelvin cannot read them")
          .register(registry);
    }
  }

  /** Registers the results of the actions carried out in Slurm, by outcome. */
  public static void bindActions(MeterRegistry registry, SlurmActuator actuator) {
    for (Outcome outcome : Outcome.values()) {
      FunctionCounter.builder("kelvin.workload.slurm.actions", actuator,
              a -> a.outcomes().get(outcome))
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
          .description("Drains, resumes and requeues carried out in Slurm, by result")
          .register(registry);
    }
  }

}
