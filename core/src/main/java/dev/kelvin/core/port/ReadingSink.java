package dev.kelvin.core.port;

import dev.kelvin.core.model.NodeReading;
import java.time.Instant;

/** Where a telemetry source delivers validated readings, with the time they were received. */
@FunctionalInterface
public interface ReadingSink {
  void accept(NodeReading reading, Instant receivedAt);
}
