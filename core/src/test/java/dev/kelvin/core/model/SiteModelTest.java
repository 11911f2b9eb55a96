package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jobs, budgets, devices and the summary figures: the records of the site model. */
class SiteModelTest {
  private static final Instant T0 = MutableClock.START;
  private static final SiteId SITE = SiteId.of("site-a");
  private static final NodeId N01 = NodeId.of("site-a", "n01");

  @Test
  void a_running_job_reports_its_checkpoint_age_from_its_last_checkpoint_or_its_start() {
    Job fresh = job(Optional.empty());
    Job checkpointed = job(Optional.of(T0.plusSeconds(3000)));

    assertThat(fresh.checkpointAge(T0.plusSeconds(3600))).contains(Duration.ofSeconds(3600));
    assertThat(checkpointed.checkpointAge(T0.plusSeconds(3600)))
        .contains(Duration.ofSeconds(600));
    assertThat(fresh.runningFor(T0.plusSeconds(60))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void refuses_a_job_that_contradicts_itself() {
    assertThatThrownBy(() -> new Job(new JobId("1"), SITE, Job.State.RUNNING, List.of(), 1, T0,
        Optional.of(T0), Duration.ofHours(1), 0, false, Optional.empty()))
        .hasMessageContaining("needs its nodes");
    assertThatThrownBy(() -> new Job(new JobId("2"), SITE, Job.State.RUNNING,
        List.of(NodeId.of("site-b", "n01")), 1, T0, Optional.of(T0), Duration.ofHours(1), 0,
        false, Optional.empty())).hasMessageContaining("another site");
    assertThatThrownBy(() -> new Job(new JobId("3"), SITE, Job.State.PENDING, List.of(), 0, T0,
        Optional.empty(), Duration.ofHours(1), 0, false, Optional.empty()))
        .hasMessageContaining("at least one node");
  }

  @Test
  void numeric_job_ids_sort_as_numbers() {
    assertThat(List.of(new JobId("10"), new JobId("9"), new JobId("array_1")).stream().sorted())
        .extracting(JobId::value).containsExactly("9", "10", "array_1");
  }

  @Test
  void a_budget_in_milliwatts_is_refused_with_a_hint() {
    assertThatThrownBy(() -> PowerBudget.ofSite(SITE, 4e11))
        .hasMessageContaining("milliwatts");
    assertThat(PowerBudget.ofRack(SITE, RackId.of("r2"), 30_000).scope())
        .isEqualTo("site-a/r2");
  }

  @Test
  void a_setpoint_sits_on_the_device_kind_its_kind_names() {
    assertThat(SetpointKind.GPU_POWER_LIMIT.requireDevice(Optional.of(Device.gpu(3))))
        .contains(Device.gpu(3));
    assertThatThrownBy(() -> SetpointKind.GPU_POWER_LIMIT.requireDevice(Optional.empty()))
        .hasMessageContaining("on one gpu");
    assertThatThrownBy(() -> SetpointKind.CPU_FREQ_CAP.requireDevice(
        Optional.of(Device.gpu(0)))).hasMessageContaining("whole node");
  }

  @Test
  void the_summary_counts_stale_nodes_and_finds_the_hottest_fresh_cpu() {
    NodeReading hot = Readings.reading().node("n01").with(NodeMetric.CPU_TEMP_CELSIUS, 91)
        .with(NodeMetric.POWER_WATTS, 400).build();
    NodeReading staleHotter = Readings.reading().node("n02")
        .with(NodeMetric.CPU_TEMP_CELSIUS, 99).with(NodeMetric.POWER_WATTS, 500).build();
    NodeReading cool = Readings.reading().node("n03").with(NodeMetric.POWER_WATTS, 200).build();
    ClusterSnapshot snapshot = ClusterSnapshot.of(T0, List.of(view(hot, false),
        view(staleHotter, true), view(cool, false)));

    ClusterSummary summary = ClusterSummary.of(snapshot);

    assertThat(summary.nodes()).isEqualTo(3);
    assertThat(summary.staleNodes()).isEqualTo(1);
    assertThat(summary.freshNodes()).isEqualTo(2);
    assertThat(summary.totalPowerWatts()).isEqualTo(600);
    assertThat(summary.hottest()).hasValueSatisfying(top -> {
      assertThat(top.node()).isEqualTo(N01);
      assertThat(top.cpuTempCelsius()).isEqualTo(91);
      assertThat(top.limitCelsius()).hasValue(85);
    });
  }

  private static NodeView view(NodeReading reading, boolean stale) {
    return new NodeView(reading.node(), reading.rack(), reading, List.of(reading), reading.at(),
        stale);
  }

  private static Job job(Optional<Instant> checkpoint) {
    return new Job(new JobId("42"), SITE, Job.State.RUNNING, List.of(N01), 1, T0,
        Optional.of(T0), Duration.ofHours(4), 100, false, checkpoint);
  }
}
