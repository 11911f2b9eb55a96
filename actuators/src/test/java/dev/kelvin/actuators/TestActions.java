package dev.kelvin.actuators;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Actions and acks for tests, with readable defaults. */
final class TestActions {
  static final NodeId N07 = NodeId.of("site-a", "n07");
  static final Duration LEASE = Duration.ofSeconds(120);

  private TestActions() {}

  static ActionMeta meta(String id) {
    return meta(id, Duration.ZERO);
  }

  static ActionMeta meta(String id, Duration lease) {
    return new ActionMeta(new ActionId(id), "thermal-cap-cpu", "cpu_temp_c above limit",
        List.of(new Fact("cpu_temp_c", 91.2, "°C")), MutableClock.START, lease);
  }

  static SetCpuFrequencyCap cpuCap(String id, NodeId node, double capMhz) {
    return new SetCpuFrequencyCap(meta(id, LEASE), node, capMhz);
  }

  static SetGpuPowerLimit gpuLimit(String id, NodeId node, int gpu, double watts) {
    return new SetGpuPowerLimit(meta(id, LEASE), node, gpu, watts);
  }

  /** An agent's ack granting {@link #LEASE} from its own time, which is thus lease end - LEASE. */
  static CommandAck applied(String id, double before, double after, Instant leaseEnd) {
    return new CommandAck(id, CommandAck.Status.APPLIED, OptionalDouble.of(before),
        OptionalDouble.of(after), Optional.of(leaseEnd), leaseEnd.minus(LEASE), "");
  }

  static CommandAck answer(String id, CommandAck.Status status, String message) {
    return new CommandAck(id, status, OptionalDouble.empty(), OptionalDouble.empty(),
        Optional.empty(), MutableClock.START, message);
  }
}
