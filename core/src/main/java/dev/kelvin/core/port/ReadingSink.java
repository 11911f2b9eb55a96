package dev.kelvin.core.port;

import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.NodeReading;
import java.time.Instant;

/**
 * Where a telemetry source delivers validated readings, with the time they were received. A
 * sink that stores node readings only may leave {@link #acceptFacility} as it is.
 */
@FunctionalInterface
public interface ReadingSink {
  void accept(NodeReading reading, Instant receivedAt);

  /** Takes one validated facility reading; ignores it unless the sink stores them. */
  default void acceptFacility(FacilityReading reading, Instant receivedAt) {}
}
