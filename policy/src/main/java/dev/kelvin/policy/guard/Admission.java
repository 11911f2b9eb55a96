package dev.kelvin.policy.guard;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.lease.SetpointTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The guard's memory, on snapshot time: the dwell time per setpoint, the cluster-wide rate
 * limit per action type (a sliding window: at most N passed in any window), and the drains,
 * suspends, migrations and other non-setpoint actions that passed lately, whose identical
 * repeats are duplicates. An action is checked against all three and, when it passes, recorded
 * in all three in one atomic step; a refused action records nothing.
 */
final class Admission {
  private final GuardSettings settings;
  private final DwellTracker dwell = new DwellTracker();
  private final Map<ActionType, ArrayDeque<Instant>> passed = new EnumMap<>(ActionType.class);
  private final LinkedHashMap<Object, Passed> recent = new LinkedHashMap<>();

  /** A non-setpoint action the guard let through. */
  private record Passed(ActionId id, String rule, Instant at) {}

  Admission(GuardSettings settings) {
    this.settings = settings;
  }

  /** Records {@code action} as passed at {@code now} and returns empty, or says why not. */
  synchronized Optional<String> admit(Action action, Instant now) {
    Optional<String> refusal = repeated(action, now).or(() -> tooSoon(action, now))
        .or(() -> overRate(action.type(), now));
    if (refusal.isEmpty()) {
      record(action, now);
    }
    return refusal;
  }

  private Optional<String> tooSoon(Action action, Instant now) {
    if (!(action instanceof SetpointAction setpoint)) {
      return Optional.empty();
    }
    return dwell.tooSoon(SetpointTarget.of(setpoint), now, settings.minDwell())
        .map(sinceLast -> setpoint.node() + " got a " + setpoint.kind().valueField()
            + " setpoint " + Leases.format(sinceLast) + " ago: wait "
            + Leases.format(settings.minDwell().minus(sinceLast)) + " more (minimum dwell "
            + Leases.format(settings.minDwell()) + ")");
  }

  private Optional<String> repeated(Action action, Instant now) {
    if (action instanceof SetpointAction) {
      return Optional.empty();
    }
    forgetBefore(now.minus(settings.repeatAfter()));
    Passed earlier = recent.get(Conflicts.key(action));
    if (earlier == null || !earlier.at().isAfter(now.minus(settings.repeatAfter()))) {
      return Optional.empty();
    }
    return Optional.of("duplicate of " + earlier.id() + " from rule " + earlier.rule()
        + ", let through " + Leases.format(Duration.between(earlier.at(), now)) + " ago: '"
        + action.describe() + "' on " + action.target() + " is pending or done; an identical"
        + " action is refused for " + Leases.format(settings.repeatAfter()) + " after one passed");
  }

  private Optional<String> overRate(ActionType type, Instant now) {
    OptionalInt limit = settings.rates().of(type);
    if (limit.isEmpty()) {
      return Optional.empty();
    }
    Duration window = settings.rates().window();
    ArrayDeque<Instant> times = passed.computeIfAbsent(type, t -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
      times.pollFirst();
    }
    if (times.size() < limit.getAsInt()) {
      return Optional.empty();
    }
    return Optional.of("cluster-wide rate limit of " + type.wireName() + " reached: "
        + limit.getAsInt() + " passed in the last " + Leases.format(window) + ", at most "
        + limit.getAsInt() + " per " + Leases.format(window) + "; the next can pass in "
        + Leases.format(Duration.between(now, times.peekFirst().plus(window))));
  }

  private void record(Action action, Instant now) {
    if (action instanceof SetpointAction setpoint) {
      dwell.record(SetpointTarget.of(setpoint), now);
    } else {
      Object key = Conflicts.key(action);
      recent.remove(key);
      recent.put(key, new Passed(action.id(), action.rule(), now));
    }
    if (settings.rates().of(action.type()).isPresent()) {
      passed.computeIfAbsent(action.type(), t -> new ArrayDeque<>()).addLast(now);
    }
  }

  /** Drops what passed at or before {@code horizon}: oldest first, as they were recorded. */
  private void forgetBefore(Instant horizon) {
    Iterator<Passed> oldest = recent.values().iterator();
    while (oldest.hasNext() && !oldest.next().at().isAfter(horizon)) {
      oldest.remove();
    }
  }
}
