package dev.kelvin.core.port;

import dev.kelvin.core.model.ClusterSnapshot;
import java.time.Instant;

/**
 * Where the control loop gets its picture of the cluster: live telemetry state, or the
 * simulator in virtual time.
 */
@FunctionalInterface
public interface ClusterView {
  /** The cluster as known at {@code now}; nodes not heard from recently are marked stale. */
  ClusterSnapshot snapshot(Instant now);
}
