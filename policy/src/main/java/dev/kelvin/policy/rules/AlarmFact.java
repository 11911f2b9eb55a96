package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.time.Instant;

/**
 * A facility alarm raised now (fire, flood, utility power loss, UPS on battery, cooling failure,
 * water leak), with how long it has been raised and how long since its sensor last confirmed it.
 */
public record AlarmFact(SiteId site, SensorId sensor, FacilityKind kind, double openSeconds,
    double unconfirmedSeconds) {

  public static AlarmFact of(Alarm alarm, Instant now) {
    return new AlarmFact(alarm.site(), alarm.sensor(), alarm.kind(),
        Duration.between(alarm.raisedAt(), now).toMillis() / 1000.0,
        Duration.between(alarm.lastSeen(), now).toMillis() / 1000.0);
  }
}
