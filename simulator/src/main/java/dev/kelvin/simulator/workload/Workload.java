package dev.kelvin.simulator.workload;

import dev.kelvin.core.model.NodeId;
import java.time.Instant;

/**
 * The source of what each simulated node does. The simulator asks for a node's next segment
 * whenever the previous one ends, in virtual time and under the site's lock, so an
 * implementation need not be thread-safe; it must be deterministic for a given seed.
 */
public interface Workload {
  /** What {@code node} does from {@code at} on, until the segment ends. */
  WorkSegment next(NodeId node, Instant at);
}
