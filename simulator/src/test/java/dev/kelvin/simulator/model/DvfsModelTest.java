package dev.kelvin.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DvfsModelTest {
  private final DvfsModel dvfs = new DvfsModel(1200, 3000);

  @Test
  void an_uncapped_node_is_as_busy_as_the_demand() {
    assertThat(dvfs.utilRatio(0.5, 3000)).isEqualTo(0.5);
  }

  @Test
  void a_cap_raises_utilisation_until_the_node_saturates() {
    assertThat(dvfs.utilRatio(0.5, 2000)).isCloseTo(0.75, within(1e-12));
    assertThat(dvfs.utilRatio(0.9, 2000)).isEqualTo(1.0);
  }

  @Test
  void a_busy_node_runs_at_its_cap_and_an_idle_one_at_the_minimum() {
    assertThat(dvfs.reportedMhz(0.6, 2600)).isEqualTo(2600);
    assertThat(dvfs.reportedMhz(0.0, 2600)).isEqualTo(1200);
    assertThat(dvfs.reportedMhz(DvfsModel.BUSY_UTIL_RATIO, 2600)).isEqualTo(1200);
  }

  @Test
  void work_slows_down_only_once_the_node_saturates() {
    double unsaturated = dvfs.deliveredRatio(dvfs.utilRatio(0.5, 2000), 2000);
    double saturated = dvfs.deliveredRatio(dvfs.utilRatio(1.0, 2400), 2400);
    assertThat(unsaturated).isCloseTo(0.5, within(1e-12));
    assertThat(saturated).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void clamps_a_cap_outside_the_hardware_range() {
    assertThat(dvfs.clampCap(500)).isEqualTo(1200);
    assertThat(dvfs.clampCap(4000)).isEqualTo(3000);
  }

  @Test
  void rejects_a_clock_range_given_in_khz() {
    assertThatThrownBy(() -> new DvfsModel(1_200_000, 3_000_000)).hasMessageContaining("kHz");
  }

  @Test
  void rejects_a_demand_above_one() {
    assertThatThrownBy(() -> dvfs.utilRatio(1.5, 3000)).hasMessageContaining("demandRatio");
  }
}
