package dev.kelvin.policy.guard;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Remembers when each setpoint (node, kind and device) was last approved, and admits a new one
 * only once the dwell time has passed. Check and record are one atomic step, so two threads
 * cannot both get a setpoint through for the same node.
 */
final class DwellTracker {
  /** One setpoint on one node: a GPU's limit is tracked per GPU. */
  record Key(NodeId node, SetpointKind kind, OptionalInt device) {}

  private final Map<Key, Instant> lastApproved = new HashMap<>();

  /**
   * Records {@code now} as the latest approval of {@code key} and returns empty, or, when the
   * previous approval is less than {@code minDwell} before {@code now}, records nothing and
   * returns how long ago the previous approval was.
   */
  synchronized Optional<Duration> tryAcquire(Key key, Instant now, Duration minDwell) {
    Instant last = lastApproved.get(key);
    if (last != null) {
      Duration elapsed = Duration.between(last, now);
      if (elapsed.compareTo(minDwell) < 0) {
        return Optional.of(elapsed);
      }
    }
    lastApproved.put(key, now);
    return Optional.empty();
  }
}
