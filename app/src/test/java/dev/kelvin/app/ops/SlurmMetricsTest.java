package dev.kelvin.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.actuators.slurm.SlurmActuator;
import dev.kelvin.actuators.slurm.SlurmQueryException;
import dev.kelvin.actuators.slurm.SlurmReject;
import dev.kelvin.actuators.slurm.SlurmSettings;
import dev.kelvin.actuators.slurm.SlurmStats;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlurmMetricsTest {
  @Test
  void shows_polls_report_size_and_rejects_by_reason_on_metrics() {
    KelvinMetrics metrics = new KelvinMetrics();
    SlurmStats stats = new SlurmStats(7, 2, 4, 6, Map.of(SlurmReject.UNKNOWN_STATE, 3L),
        Optional.of(Instant.EPOCH), Optional.empty(), Optional.empty());

    SlurmMetrics.bind(metrics.registry(), () -> stats);

    assertThat(metrics.scrape()).contains("kelvin_workload_slurm_polls_ok_total 7.0",
        "kelvin_workload_slurm_polls_failed_total 2.0", "kelvin_workload_slurm_nodes 4.0",
        "kelvin_workload_slurm_jobs 6.0",
        "kelvin_workload_slurm_rejected_total{reason=\"unknown_state\"} 3.0",
        "kelvin_workload_slurm_rejected_total{reason=\"bad_node_name\"} 0.0");
  }

  @Test
  void shows_the_slurm_actions_by_outcome_on_metrics() {
    KelvinMetrics metrics = new KelvinMetrics();
    VirtualScheduler scheduler = new VirtualScheduler(Instant.EPOCH);
    SlurmActuator actuator = new SlurmActuator(SlurmSettings.defaults(SiteId.of("site-a"))
        .withActions(true), (command, arguments) -> {
          throw new SlurmQueryException(command + " exited with 1: permission denied");
        }, scheduler);
    SlurmMetrics.bindActions(metrics.registry(), actuator);

    actuator.execute(new DrainNode(new ActionMeta(new ActionId("a-1"), "r", "why", List.of(),
        Instant.EPOCH, Duration.ZERO), NodeId.of("site-a", "n1")));
    scheduler.runDue();

    assertThat(metrics.scrape()).contains(
        "kelvin_workload_slurm_actions_total{outcome=\"failed\"} 1.0",
        "kelvin_workload_slurm_actions_total{outcome=\"applied\"} 0.0");
  }
}
