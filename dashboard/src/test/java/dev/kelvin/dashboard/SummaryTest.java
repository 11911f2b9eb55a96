package dev.kelvin.dashboard;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private final MutableClock clock = new MutableClock();
  private final ClusterState state = new ClusterState(StateSettings.defaults());

  @Test
  void the_hottest_node_is_the_hottest_fresh_one_and_stale_power_is_not_counted() {
    state.admit(reading().node("n01").with(NodeMetric.CPU_TEMP_CELSIUS, 95).build(),
        clock.instant());
    clock.advance(Duration.ofSeconds(20));
    state.admit(reading().node("n02").at(clock.instant()).with(NodeMetric.CPU_TEMP_CELSIUS, 70)
        .build(), clock.instant());

    Summary summary = Summary.of(ClusterSummary.of(state.snapshot(clock.instant())), 3, 1, 2,
        null);

    assertThat(summary.nodes()).isEqualTo(2);
    assertThat(summary.staleNodes()).isEqualTo(1);
    assertThat(summary.totalPowerWatts()).isEqualTo(300);
    assertThat(summary.hottest().node()).isEqualTo("n02");
    assertThat(summary.hottest().cpuTempLimitCelsius()).isEqualTo(85);
    assertThat(summary.ingestAccepted()).isNull();
    assertThat(summary.actionsTotal()).isEqualTo(3);
    assertThat(summary.actionsLast10Min()).isEqualTo(1);
    assertThat(summary.actionsApplied()).isEqualTo(2);
  }

  @Test
  void no_hottest_node_when_no_fresh_node_reports_a_cpu_temperature() {
    state.admit(reading().node("n01").without(NodeMetric.CPU_TEMP_CELSIUS).build(),
        clock.instant());
    IngestCounters ingest = new IngestCounters();
    ingest.accepted();

    Summary summary = Summary.of(ClusterSummary.of(state.snapshot(clock.instant())), 0, 0, 0,
        ingest.stats());

    assertThat(summary.hottest()).isNull();
    assertThat(summary.ingestAccepted()).isEqualTo(1);
    assertThat(summary.ingestRejected()).isZero();
  }
}
