package dev.kelvin.app.run;

import dev.kelvin.actuators.slurm.ProcessSlurmQuery;
import dev.kelvin.actuators.slurm.SlurmQuery;
import dev.kelvin.actuators.slurm.SlurmSettings;
import dev.kelvin.actuators.slurm.SlurmWorkloadSource;
import dev.kelvin.app.controller.Controller;
import dev.kelvin.app.ops.SlurmHealth;
import dev.kelvin.app.ops.SlurmMetrics;
import dev.kelvin.core.time.Scheduler;

/**
 * Slurm wired into a running controller: the source polls on a scheduler of its own (a slow
 * {@code sinfo} delays no tick) into the controller's live state, its figures on
 * {@code /metrics} and its state on {@code /health} as {@code workload-slurm}.
 */
final class SlurmFeed {
  private SlurmFeed() {}

  /** Starts polling with the real commands. */
  static SlurmWorkloadSource start(SlurmSettings settings, Scheduler scheduler,
      Controller controller) {
    return start(settings, new ProcessSlurmQuery(settings), scheduler, controller);
  }

  static SlurmWorkloadSource start(SlurmSettings settings, SlurmQuery query, Scheduler scheduler,
      Controller controller) {
    SlurmWorkloadSource source = new SlurmWorkloadSource(settings, query, scheduler,
        controller.state());
    SlurmMetrics.bind(controller.metrics().registry(), source::stats);
    controller.healthOf("workload-slurm", () -> SlurmHealth.of(source.stats(), scheduler.now(),
        settings.pollInterval()));
    return source.start();
  }
}
