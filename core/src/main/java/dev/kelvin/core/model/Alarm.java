package dev.kelvin.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A facility alarm that is raised now (fire, flood, seismic, utility power loss, UPS on
 * battery): which sensor raised it at which site, when it was first raised, and when the
 * sensor last confirmed it.
 */
public record Alarm(SensorId sensor, SiteId site, FacilityKind kind, Instant raisedAt,
    Instant lastSeen) {
  public Alarm {
    Objects.requireNonNull(sensor, "sensor");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(raisedAt, "raisedAt");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (!kind.isAlarm()) {
      throw new IllegalArgumentException(kind + " is a measurement, not an alarm");
    }
    if (lastSeen.isBefore(raisedAt)) {
      throw new IllegalArgumentException("alarm " + kind + " from " + sensor + " last seen at "
          + lastSeen + ", before it was raised at " + raisedAt);
    }
  }
}
