package dev.kelvin.agent;

import dev.kelvin.core.model.Device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import dev.kelvin.core.port.NodeHardware.HardwareException;
import dev.kelvin.core.testkit.NodeHardwareContract;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test double keeps the port's contract, so tests built on it mean something. */
class FakeNodeHardwareTest extends NodeHardwareContract {
  @Override
  protected NodeHardware newHardware() {
    return new FakeNodeHardware();
  }

  @Test
  void rounds_cpu_caps_down_to_its_100_mhz_steps() {
    FakeNodeHardware hardware = new FakeNodeHardware();
    assertThat(hardware.apply(SetpointKind.CPU_FREQ_CAP, Optional.empty(), 2450))
        .isEqualTo(2400);
  }

  @Test
  void refuses_writes_when_told_to_fail() {
    FakeNodeHardware hardware = new FakeNodeHardware();
    hardware.failWrites("sysfs is read-only");
    assertThatThrownBy(() -> hardware.apply(SetpointKind.CPU_FREQ_CAP, Optional.empty(), 2000))
        .isInstanceOf(HardwareException.class).hasMessage("sysfs is read-only");
  }

  @Test
  void does_not_support_a_node_power_cap_or_a_third_gpu() {
    FakeNodeHardware hardware = new FakeNodeHardware();
    assertThat(hardware.supports(SetpointKind.NODE_POWER_CAP, Optional.empty())).isFalse();
    assertThat(hardware.supports(SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(2)))).isFalse();
    assertThat(hardware.supports(SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(1)))).isTrue();
  }
}
