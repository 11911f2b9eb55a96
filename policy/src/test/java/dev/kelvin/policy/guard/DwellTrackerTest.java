package dev.kelvin.policy.guard;

import static dev.kelvin.policy.Nodes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DwellTrackerTest {
  private static final NodeId N07 = NodeId.of("site-a", "n07");
  private static final Duration DWELL = Duration.ofSeconds(20);

  private final DwellTracker dwell = new DwellTracker();

  private static DwellTracker.Key gpu(int index) {
    return new DwellTracker.Key(N07, SetpointKind.GPU_POWER_LIMIT, OptionalInt.of(index));
  }

  @Test
  void keeps_the_dwell_time_per_setpoint_kind_and_per_device() {
    DwellTracker.Key cpu = new DwellTracker.Key(N07, SetpointKind.CPU_FREQ_CAP,
        OptionalInt.empty());
    DwellTracker.Key power = new DwellTracker.Key(N07, SetpointKind.NODE_POWER_CAP,
        OptionalInt.empty());
    assertThat(dwell.tryAcquire(cpu, NOW, DWELL)).isEmpty();
    assertThat(dwell.tryAcquire(gpu(0), NOW, DWELL)).isEmpty();

    assertThat(dwell.tryAcquire(power, NOW.plusSeconds(1), DWELL)).isEmpty();
    assertThat(dwell.tryAcquire(gpu(1), NOW.plusSeconds(1), DWELL)).isEmpty();
    assertThat(dwell.tryAcquire(cpu, NOW.plusSeconds(1), DWELL)).contains(Duration.ofSeconds(1));
    assertThat(dwell.tryAcquire(gpu(0), NOW.plusSeconds(2), DWELL))
        .contains(Duration.ofSeconds(2));
  }
}
