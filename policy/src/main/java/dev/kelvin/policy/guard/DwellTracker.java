package dev.kelvin.policy.guard;

import dev.kelvin.core.lease.SetpointTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers when each setpoint (node, kind and device: a GPU's limit per GPU) was last approved, and admits a new one
 * only once the dwell time has passed. Check and record are one atomic step, so two threads
 * cannot both get a setpoint through for the same node.
 */
final class DwellTracker {
  private final Map<SetpointTarget, Instant> lastApproved = new HashMap<>();

  /**
   * Records {@code now} as the latest approval of {@code key} and returns empty, or, when the
   * previous approval is less than {@code minDwell} before {@code now}, records nothing and
   * returns how long ago the previous approval was.
   */
  synchronized Optional<Duration> tryAcquire(SetpointTarget key, Instant now,
      Duration minDwell) {
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
