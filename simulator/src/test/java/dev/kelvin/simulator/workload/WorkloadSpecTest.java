package dev.kelvin.simulator.workload;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadSpecTest {
  private static final Duration GAP = Duration.ofSeconds(20);
  private static final JobClass ORDINARY =
      new JobClass(0.2, 1.0, Duration.ofSeconds(30), Duration.ofMinutes(4));

  @Test
  void rejects_swapped_job_lengths() {
    assertThatThrownBy(() -> new JobClass(0.2, 1.0, Duration.ofMinutes(4),
        Duration.ofSeconds(30))).hasMessageContaining("maxLength").hasMessageContaining("swapped");
  }

  @Test
  void rejects_a_sub_second_idle_gap() {
    assertThatThrownBy(() -> new WorkloadSpec(Duration.ofMillis(10), ORDINARY, ORDINARY, 0.3))
        .hasMessageContaining("meanIdleGap").hasMessageContaining("at least 1 s");
  }

  @Test
  void rejects_a_heavy_share_given_as_a_percentage() {
    assertThatThrownBy(() -> new WorkloadSpec(GAP, ORDINARY, ORDINARY, 30))
        .hasMessageContaining("heavyJobShare").hasMessageContaining("percentage");
  }

  @Test
  void rejects_a_demand_range_upside_down_or_starting_at_zero() {
    assertThatThrownBy(() -> new JobClass(0.8, 0.2, Duration.ofSeconds(30),
        Duration.ofMinutes(4))).hasMessageContaining("0.8..0.2");
    assertThatThrownBy(() -> new JobClass(0.0, 0.5, Duration.ofSeconds(30),
        Duration.ofMinutes(4))).hasMessageContaining("minDemandRatio");
  }

  @Test
  void rejects_a_demand_given_as_a_percentage() {
    assertThatThrownBy(() -> new JobClass(20, 100, Duration.ofSeconds(30),
        Duration.ofMinutes(4))).hasMessageContaining("percentage");
  }
}
