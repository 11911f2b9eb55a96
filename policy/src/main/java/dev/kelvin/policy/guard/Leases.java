package dev.kelvin.policy.guard;

import dev.kelvin.core.model.Numbers;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.action.SetpointAction;
import java.time.Duration;

/**
 * Rebuilds a setpoint with a shorter lease (keeping the rest of its meta, the model version
 * included), and words durations for people.
 */
final class Leases {
  private Leases() {}

  static SetpointAction withLease(SetpointAction action, Duration lease) {
    ActionMeta meta = action.meta().withLease(lease);
    if (action instanceof SetCpuFrequencyCap cap) {
      return new SetCpuFrequencyCap(meta, cap.node(), cap.capMhz());
    } else if (action instanceof SetGpuPowerLimit gpu) {
      return new SetGpuPowerLimit(meta, gpu.node(), gpu.gpuIndex(), gpu.limitWatts());
    } else if (action instanceof SetNodePowerCap power) {
      return new SetNodePowerCap(meta, power.node(), power.capWatts());
    }
    throw new AssertionError(action);
  }

  /** {@code 14 s}, {@code 2.5 s}, {@code 10 min}, {@code 90 s}. */
  static String format(Duration duration) {
    if (duration.toSeconds() >= 60 && duration.toSecondsPart() == 0
        && duration.toNanosPart() == 0) {
      return duration.toMinutes() + " min";
    }
    double seconds = duration.toMillis() / 1000.0;
    return number(seconds) + " s";
  }

  static String number(double value) {
    return Numbers.plain(value, 1);
  }
}
