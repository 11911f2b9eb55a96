package dev.kelvin.core.state;

import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facility side of the live state: the latest reading of each sensor and kind, and the
 * alarms raised now. An alarm is raised by a reading of 1 and stays open, keeping the time it
 * was first raised, until the same sensor reports 0; a sensor that falls silent does not clear
 * it. Readings are admitted with the same rules as node readings: nothing from the future,
 * nothing older than what is held, nothing stale on arrival into the live view. Guarded by its
 * monitor.
 */
final class FacilityState {
  private record Key(SiteId site, SensorId sensor, FacilityKind kind) {}

  private final Map<Key, FacilityReading> latest = new HashMap<>();
  private final Map<Key, Alarm> open = new HashMap<>();
  private final int maxSensors;

  FacilityState(int maxSensors) {
    this.maxSensors = maxSensors;
  }

  synchronized Admission admit(FacilityReading reading, Instant receivedAt, Duration staleAfter) {
    Key key = new Key(reading.site(), reading.sensor(), reading.kind());
    FacilityReading held = latest.get(key);
    if (held == null && latest.size() >= maxSensors) {
      return Admission.UNKNOWN_NODE;
    }
    if (held != null && !reading.at().isAfter(held.at())) {
      return reading.equals(held) ? Admission.DUPLICATE : Admission.LATE;
    }
    if (Duration.between(reading.at(), receivedAt).compareTo(staleAfter) > 0) {
      return Admission.LATE;
    }
    latest.put(key, reading);
    if (reading.kind().isAlarm()) {
      track(key, reading);
    }
    return Admission.ACCEPTED;
  }

  /** The latest reading of every sensor and kind of {@code site}. */
  synchronized List<FacilityReading> readings(SiteId site) {
    List<FacilityReading> out = new ArrayList<>();
    latest.forEach((key, reading) -> {
      if (key.site().equals(site)) {
        out.add(reading);
      }
    });
    out.sort(java.util.Comparator.comparing((FacilityReading r) -> r.sensor().value())
        .thenComparing(FacilityReading::kind));
    return out;
  }

  /** The alarms raised now at {@code site}, oldest first. */
  synchronized List<Alarm> openAlarms(SiteId site) {
    List<Alarm> out = new ArrayList<>();
    open.forEach((key, alarm) -> {
      if (key.site().equals(site)) {
        out.add(alarm);
      }
    });
    out.sort(java.util.Comparator.comparing(Alarm::raisedAt)
        .thenComparing(alarm -> alarm.sensor().value()));
    return out;
  }

  synchronized List<SiteId> sites() {
    return latest.keySet().stream().map(Key::site).distinct().toList();
  }

  private void track(Key key, FacilityReading reading) {
    if (reading.value() >= 1) {
      Alarm raised = open.get(key);
      open.put(key, new Alarm(reading.sensor(), reading.site(), reading.kind(),
          raised == null ? reading.at() : raised.raisedAt(), reading.at()));
    } else {
      open.remove(key);
    }
  }
}
