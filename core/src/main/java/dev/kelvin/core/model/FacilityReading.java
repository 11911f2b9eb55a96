package dev.kelvin.core.model;

import java.time.Instant;
import java.util.Objects;

/** One reading from a facility sensor, in the unit its {@link FacilityKind} names. */
public record FacilityReading(SensorId sensor, SiteId site, Instant at, FacilityKind kind,
    double value) {
  public FacilityReading {
    Objects.requireNonNull(sensor, "sensor");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    kind.check(value);
  }
}
