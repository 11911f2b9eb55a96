package dev.kelvin.core.port;

import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeReading;
import java.time.Instant;

/**
 * Where a telemetry source delivers validated readings, with the time they were received, and
 * where the live state hands each change of a node's availability. A sink that stores node
 * readings only may leave {@link #acceptFacility} and {@link #acceptAvailability} as they are.
 */
@FunctionalInterface
public interface ReadingSink {
  void accept(NodeReading reading, Instant receivedAt);

  /** Takes one validated facility reading; ignores it unless the sink stores them. */
  default void acceptFacility(FacilityReading reading, Instant receivedAt) {}

  /**
   * Takes a node's availability as it is after a change (a new state, a new {@code since} or a
   * drain begun or ended), stamped at its {@code since}; ignores it unless the sink stores
   * them. The live state calls it once per change it sees, the first report of a node
   * included, so a sink whose points are identified by their time stores a repeated change
   * once.
   */
  default void acceptAvailability(NodeAvailability changed) {}
}
