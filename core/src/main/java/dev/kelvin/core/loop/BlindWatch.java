package dev.kelvin.core.loop;

import dev.kelvin.core.backlog.IngestWatch;
import dev.kelvin.core.ingest.PerKeyThrottle;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Asks the ingest watch, once a tick, whether the controller is blind through its own ingest
 * delay, and says so in one log line at most once a minute. A watch that throws counts as not
 * blind: the loop then judges staleness as it always did.
 */
final class BlindWatch {
  private static final System.Logger LOG = System.getLogger(ControlLoop.class.getName());

  private final IngestWatch ingest;
  private final PerKeyThrottle log;

  BlindWatch(IngestWatch ingest, InstantSource clock) {
    this.ingest = ingest;
    this.log = new PerKeyThrottle(Duration.ofMinutes(1), clock, 1);
  }

  /** Why the controller is blind at {@code now}, if it is. */
  Optional<String> check(Instant now) {
    Optional<String> why;
    try {
      why = ingest.blind(now);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "ingest watch failed; deciding as if not blind", e);
      return Optional.empty();
    }
    if (why.isPresent() && log.allow("blind")) {
      LOG.log(System.Logger.Level.WARNING, "Controller blind: " + why.get() + "; new decisions"
          + " are held and setpoints on nodes whose readings still arrive are kept (logged at"
          + " most once a minute)");
    }
    return why;
  }

  IngestWatch ingest() {
    return ingest;
  }
}
