package dev.kelvin.core.loop;

import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SetpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Keeps the setpoints the controller holds on nodes alive: each applied setpoint is renewed
 * once half its lease has run, for as long as the policy has not replaced it and it still
 * limits the node. A setpoint is forgotten, and so lapses on the node when its lease runs out,
 * when it is back at the hardware's maximum (it needs no lease), when its lease ran out before
 * renewal (the agent has reverted; the policy decides afresh), and when the node is stale or
 * gone from the snapshot: the controller renews nothing blind. Thread-safe: results arrive on
 * executor threads.
 */
final class LeaseKeeper {
  private record Key(NodeId node, SetpointKind kind, OptionalInt device) {
    static Key of(SetpointAction action) {
      return new Key(action.node(), action.kind(), action.device());
    }
  }

  private static final class Held {
    final SetpointAction action;
    Instant expiresAt;
    boolean inFlight = true;

    Held(SetpointAction action) {
      this.action = action;
    }
  }

  private final Map<Key, Held> held = new HashMap<>();

  /** The setpoint is being sent: it replaces whatever the node held for the same key. */
  synchronized void sending(SetpointAction action) {
    Held current = held.get(Key.of(action));
    if (current != null && current.action.id().equals(action.id())) {
      current.inFlight = true;
    } else {
      held.put(Key.of(action), new Held(action));
    }
  }

  /** The executor answered for {@code action}. */
  synchronized void settled(SetpointAction action, ActionResult result) {
    Key key = Key.of(action);
    Held current = held.get(key);
    if (current == null || !current.action.id().equals(action.id())) {
      return;
    }
    current.inFlight = false;
    if (result.applied()) {
      current.expiresAt = result.leaseExpiresAt().orElse(result.at().plus(action.lease()));
    } else if (current.expiresAt == null) {
      held.remove(key);
    }
  }

  /** Setpoints whose lease is half run at the snapshot's time; they are marked in flight. */
  synchronized List<SetpointAction> due(ClusterSnapshot snapshot) {
    Instant now = snapshot.at();
    List<SetpointAction> due = new ArrayList<>();
    for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
      Held entry = it.next();
      if (entry.expiresAt == null) {
        continue;
      }
      if (!now.isBefore(entry.expiresAt) || !renewable(entry.action, snapshot)) {
        it.remove();
        continue;
      }
      if (entry.inFlight) {
        continue;
      }
      Duration half = entry.action.lease().dividedBy(2);
      if (!now.isBefore(entry.expiresAt.minus(half))) {
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
    OptionalDouble max = view.get().latest(NodeMetric.CPU_FREQ_MAX_MHZ);
    return action.kind() != SetpointKind.CPU_FREQ_CAP || max.isEmpty()
        || action.value() < max.getAsDouble();
  }
}
