package dev.kelvin.policy.guard;

import static dev.kelvin.policy.Nodes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.lease.SetpointTarget;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DwellTrackerTest {
  private static final NodeId N07 = NodeId.of("site-a", "n07");
  private static final Duration DWELL = Duration.ofSeconds(20);

  private final DwellTracker dwell = new DwellTracker();

  private static SetpointTarget gpu(int index) {
    return new SetpointTarget(N07, SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(index)));
  }

  @Test
  void keeps_the_dwell_time_per_setpoint_kind_and_per_device() {
    SetpointTarget cpu = new SetpointTarget(N07, SetpointKind.CPU_FREQ_CAP, Optional.empty());
    SetpointTarget power = new SetpointTarget(N07, SetpointKind.NODE_POWER_CAP,
        Optional.empty());
    assertThat(dwell.tryAcquire(cpu, NOW, DWELL)).isEmpty();
    assertThat(dwell.tryAcquire(gpu(0), NOW, DWELL)).isEmpty();

    assertThat(dwell.tryAcquire(power, NOW.plusSeconds(1), DWELL)).isEmpty();
    assertThat(dwell.tryAcquire(gpu(1), NOW.plusSeconds(1), DWELL)).isEmpty();
    assertThat(dwell.tryAcquire(cpu, NOW.plusSeconds(1), DWELL)).contains(Duration.ofSeconds(1));
    assertThat(dwell.tryAcquire(gpu(0), NOW.plusSeconds(2), DWELL))
        .contains(Duration.ofSeconds(2));
  }
}
