package dev.kelvin.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import dev.kelvin.core.port.NodeHardware.SetpointLimits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link NodeHardware} keeps for the CPU frequency cap, the setpoint every
 * node supports. Extend it with a fresh node from {@link #newHardware()}.
 */
public abstract class NodeHardwareContract {
  private static final Optional<Device> NODE = Optional.empty();

  /** A fresh node whose CPU frequency cap is at its default. */
  protected abstract NodeHardware newHardware();

  @Test
  void supports_a_cpu_frequency_cap_with_sane_limits() {
    NodeHardware hardware = newHardware();
    assertThat(hardware.supports(SetpointKind.CPU_FREQ_CAP, NODE)).isTrue();
    SetpointLimits limits = hardware.limits(SetpointKind.CPU_FREQ_CAP, NODE);
    assertThat(limits.min()).isPositive().isLessThan(limits.max());
  }

  @Test
  void starts_at_the_default_cap() {
    NodeHardware hardware = newHardware();
    SetpointLimits limits = hardware.limits(SetpointKind.CPU_FREQ_CAP, NODE);
    assertThat(hardware.read(SetpointKind.CPU_FREQ_CAP, NODE)).isEqualTo(limits.defaultValue());
  }

  @Test
  void reads_back_the_cap_it_applied() {
    NodeHardware hardware = newHardware();
    SetpointLimits limits = hardware.limits(SetpointKind.CPU_FREQ_CAP, NODE);
    double target = limits.clamp((limits.min() + limits.max()) / 2);
    double readBack = hardware.apply(SetpointKind.CPU_FREQ_CAP, NODE, target);
    assertThat(readBack).isEqualTo(hardware.read(SetpointKind.CPU_FREQ_CAP, NODE));
    assertThat(readBack).isBetween(limits.min(), target);
  }

  @Test
  void a_sample_carries_measurements() {
    NodeHardware.Sample sample = newHardware().sample();
    assertThat(sample.node().isEmpty() && sample.devices().isEmpty()).isFalse();
  }

  @Test
  void every_listed_device_has_its_own_sample() {
    NodeHardware hardware = newHardware();
    assertThat(hardware.sample().devices().keySet())
        .containsExactlyInAnyOrderElementsOf(hardware.devices());
  }

  @Test
  void device_setpoints_keep_their_limits_on_every_device_that_supports_them() {
    NodeHardware hardware = newHardware();
    for (Device device : hardware.devices()) {
      for (SetpointKind kind : SetpointKind.values()) {
        if (kind.deviceKind().equals(Optional.of(device.kind()))
            && hardware.supports(kind, Optional.of(device))) {
          SetpointLimits limits = hardware.limits(kind, Optional.of(device));
          double readBack = hardware.apply(kind, Optional.of(device), limits.min());
          assertThat(readBack).as("%s on %s", kind, device).isEqualTo(limits.min());
          assertThat(hardware.read(kind, Optional.of(device))).isEqualTo(limits.min());
        }
      }
    }
  }
}
