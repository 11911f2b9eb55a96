package dev.kelvin.core.backlog;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The controller's ingest delay at one instant.
 *
 * @param readings readings received and waiting to be applied to the state
 * @param oldestAge how long the oldest of them has waited (zero when none waits)
 * @param arrivalLag how old the freshest reading that arrived lately was on arrival (receive
 *     time minus reading time): large when the broker queued readings for the controller;
 *     empty when none arrived lately
 */
public record IngestBacklog(int readings, Duration oldestAge, Optional<Duration> arrivalLag) {
  public static final IngestBacklog NONE = new IngestBacklog(0, Duration.ZERO, Optional.empty());

  public IngestBacklog {
    Objects.requireNonNull(oldestAge, "oldestAge");
    Objects.requireNonNull(arrivalLag, "arrivalLag");
  }

  /** The larger of the two delays: the queue's oldest age and the arrival lag. */
  public Duration delay() {
    Duration lag = arrivalLag.orElse(Duration.ZERO);
    return lag.compareTo(oldestAge) > 0 ? lag : oldestAge;
  }
}
