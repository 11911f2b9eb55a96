package dev.kelvin.core.loop;

import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.lease.LeaseTerm;
import dev.kelvin.core.lease.SetpointTarget;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Keeps the setpoints the controller holds on nodes alive: each applied setpoint is renewed
 * once half its lease has run ({@link LeaseTerm#renewalDueAt(Instant)}), for as long as the
 * policy has not replaced it and it still limits the node. A setpoint is forgotten, and so
 * lapses on the node when its lease runs out, when it is back at the hardware's maximum (it
 * needs no lease), when its lease ran out before renewal (the agent has reverted; the policy
 * decides afresh), and when the node is stale or gone from the snapshot: the controller renews
 * nothing blind. Thread-safe: results arrive on executor threads.
 */
final class LeaseKeeper {
  private static final class Held {
    final SetpointAction action;
    LeaseTerm term;
    boolean inFlight = true;

    Held(SetpointAction action) {
      this.action = action;
    }
  }

  private final Map<SetpointTarget, Held> held = new HashMap<>();

  /** The setpoint is being sent: it replaces whatever the node held for the same target. */
  synchronized void sending(SetpointAction action) {
    Held current = held.get(SetpointTarget.of(action));
    if (current != null && current.action.id().equals(action.id())) {
      current.inFlight = true;
    } else {
      held.put(SetpointTarget.of(action), new Held(action));
    }
  }

  /** The executor answered for {@code action}. */
  synchronized void settled(SetpointAction action, ActionResult result) {
    SetpointTarget target = SetpointTarget.of(action);
    Held current = held.get(target);
    if (current == null || !current.action.id().equals(action.id())) {
      return;
    }
    current.inFlight = false;
    if (result.applied()) {
      current.term = LeaseTerm.endingAt(
          result.leaseExpiresAt().orElse(result.at().plus(action.lease())), action.lease());
    } else if (current.term == null) {
      held.remove(target);
    }
  }

  /** Setpoints due for renewal at the snapshot's time; they are marked in flight. */
  synchronized List<SetpointAction> due(ClusterSnapshot snapshot) {
    Instant now = snapshot.at();
    List<SetpointAction> due = new ArrayList<>();
    for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
      Held entry = it.next();
      if (entry.term == null) {
        continue;
      }
      if (entry.term.expiredAt(now) || !renewable(entry.action, snapshot)) {
        it.remove();
        continue;
      }
      if (!entry.inFlight && entry.term.renewalDueAt(now)) {
        entry.inFlight = true;
        due.add(entry.action);
      }
    }
    return due;
  }

  synchronized int size() {
    return held.size();
  }

  /** Only a fresh node with a setpoint that still limits it is worth a renewal. */
  private static boolean renewable(SetpointAction action, ClusterSnapshot snapshot) {
    Optional<NodeView> view = snapshot.node(action.node());
    if (view.isEmpty() || view.get().stale()) {
      return false;
    }
    OptionalDouble max = view.get().latest(action.kind().maxMetric(), action.device());
    return max.isEmpty() || action.value() < max.getAsDouble();
  }
}
