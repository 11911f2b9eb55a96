package dev.kelvin.app.run;

import dev.kelvin.actuators.slurm.KelvinHolds;
import dev.kelvin.actuators.slurm.ProcessSlurmQuery;
import dev.kelvin.actuators.slurm.SlurmActuator;
import dev.kelvin.actuators.slurm.SlurmQuery;
import dev.kelvin.actuators.slurm.SlurmSettings;
import dev.kelvin.actuators.slurm.SlurmWorkloadSource;
import dev.kelvin.app.controller.Controller;
import dev.kelvin.app.ops.SlurmActionsHealth;
import dev.kelvin.app.ops.SlurmHealth;
import dev.kelvin.app.ops.SlurmMetrics;
import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.core.time.Scheduler;
import java.util.Objects;
import java.util.Optional;

/**
 * Slurm wired into a running controller: the source polls on a scheduler of its own (a slow
 * {@code sinfo} delays no tick) into the controller's live state, its figures on
 * {@code /metrics} and its state on {@code /health} as {@code workload-slurm}. With
 * {@code workload.slurm.actions} the controller's drains, resumes, requeues and job holds are
 * carried out in Slurm ({@link SlurmActuator}), on the same scheduler, counted on
 * {@code /metrics} and watched on {@code /health} as {@code workload-slurm-actions}. Without a
 * {@code workload.slurm} section it does nothing.
 */
final class SlurmFeed implements AutoCloseable {
  private final Optional<SlurmSettings> settings;
  private final SlurmQuery query;
  private final Scheduler scheduler;
  /** The holds the actuator places, which the source reports as Kelvin's. */
  private final KelvinHolds holds = new KelvinHolds();
  private final Optional<SlurmActuator> actions;
  private SlurmWorkloadSource source;

  private SlurmFeed(Optional<SlurmSettings> settings, SlurmQuery query,
      Optional<Scheduler> scheduler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.query = query;
    this.scheduler = scheduler.orElse(null);
    this.actions = settings.filter(SlurmSettings::actions)
        .map(slurm -> new SlurmActuator(slurm, query, this.scheduler, holds));
  }

  /**
   * The feed of {@code settings} with the real commands, on the {@code workload} scheduler of
   * {@code schedulers} (made only when Slurm is configured); not started.
   */
  static SlurmFeed of(Optional<SlurmSettings> settings, Schedulers schedulers) {
    return new SlurmFeed(settings, settings.<SlurmQuery>map(ProcessSlurmQuery::new)
        .orElse((command, arguments) -> {
          throw new IllegalStateException("no workload.slurm section");
        }), settings.map(slurm -> schedulers.get("workload")));
  }

  /** What carries out workload actions in Slurm; empty when Slurm is only read. */
  Optional<SlurmActuator> actions() {
    return actions;
  }

  /** Starts polling into {@code controller}'s state and puts the figures on its metrics. */
  synchronized void start(Controller controller) {
    if (settings.isEmpty() || source != null) {
      return;
    }
    source = new SlurmWorkloadSource(settings.get(), query, scheduler, controller.state(),
        holds);
    SlurmWorkloadSource polled = source;
    SlurmMetrics.bind(controller.metrics().registry(), polled::stats);
    actions.ifPresent(actuator -> {
      SlurmMetrics.bindActions(controller.metrics().registry(), actuator);
      controller.healthOf("workload-slurm-actions", () -> SlurmActionsHealth.of(
          actuator.lastResult(), actuator.outcomes()));
    });
    controller.healthOf("workload-slurm", () -> SlurmHealth.of(polled.stats(), scheduler.now(),
        settings.get().pollInterval()));
    source.start();
  }

  @Override
  public synchronized void close() {
    if (source != null) {
      source.close();
      source = null;
    }
  }
}
