package dev.kelvin.core.loop;

import dev.kelvin.core.ingest.PerKeyThrottle;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every lapse by reason and logs them at WARNING, at most one line per reason a minute:
 * a line says how many lapsed for that reason since the previous line and gives the first of
 * them as an example, so a thousand nodes going stale at once make one line, not a thousand;
 * lapses held back by the limit are logged once the minute has passed, at the next tick.
 * Every lapse is audited besides. Thread-safe.
 */
final class LapseLog {
  static final Duration PERIOD = Duration.ofMinutes(1);
  private static final System.Logger LOG = System.getLogger(ControlLoop.class.getName());

  /** Lapses of one reason not logged yet: how many, and the first of them. */
  private record Unlogged(int count, Lapse first) {}

  private final PerKeyThrottle throttle;
  private final Map<LapseReason, LongAdder> counts = new EnumMap<>(LapseReason.class);
  private final Map<LapseReason, Unlogged> unlogged = new EnumMap<>(LapseReason.class);

  LapseLog(InstantSource clock) {
    this.throttle = new PerKeyThrottle(PERIOD, clock, LapseReason.values().length);
    for (LapseReason reason : LapseReason.values()) {
      counts.put(reason, new LongAdder());
    }
  }

  /** Counts one tick's lapses and logs what the limit allows, with any held back before. */
  synchronized void log(List<Lapse> lapses) {
    for (Lapse lapse : lapses) {
      counts.get(lapse.reason()).increment();
      unlogged.merge(lapse.reason(), new Unlogged(1, lapse),
          (held, one) -> new Unlogged(held.count() + 1, held.first()));
    }
    for (LapseReason reason : List.copyOf(unlogged.keySet())) {
      if (throttle.allow(reason.label())) {
        Unlogged due = unlogged.remove(reason);
        Lapse first = due.first();
        LOG.log(System.Logger.Level.WARNING, due.count() + " held setpoint(s) lapsed ("
            + reason.label() + ") since the last such line (at most one a minute), e.g. "
            + first.action().target() + " " + first.action().describe() + ": " + first.why());
      }
    }
  }

  /** Lapses for {@code reason} since the loop was made. */
  long count(LapseReason reason) {
    return counts.get(reason).sum();
  }
}
