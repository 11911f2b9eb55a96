package dev.kelvin.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.actuators.slurm.SlurmReject;
import dev.kelvin.actuators.slurm.SlurmStats;
import java.time.Instant;
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
}
