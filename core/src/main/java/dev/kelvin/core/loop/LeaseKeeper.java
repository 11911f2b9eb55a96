package dev.kelvin.core.loop;

import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.backlog.IngestWatch;
import dev.kelvin.core.lease.LeaseTerm;
import dev.kelvin.core.lease.SetpointTarget;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Keeps the setpoints the controller holds on nodes alive: each applied setpoint is renewed
 * once half its lease has run ({@link LeaseTerm#renewalDueAt(Instant)}), for as long as the
 * policy has not replaced it and it still limits the node. A held setpoint is given up, and so
 * lapses on the node when its lease runs out, when it is back at the hardware's maximum (it
 * needs no lease), when its lease ran out before a renewal was acknowledged (the agent has
 * reverted; the policy decides afresh), when the node is stale or gone from the snapshot (the
 * controller renews nothing blind), and when the setpoint sent to replace it failed. A node
 * stale or gone only because the controller's own ingest is behind (its readings still arrive,
 * late) is not a reason: such a setpoint is kept and renewed ({@link Sight}). Every
 * such {@link Lapse} comes out of the next {@link #sweep} with its reason, never silently.
 * Thread-safe: results arrive on executor threads.
 */
final class LeaseKeeper {
  private static final class Held {
    final SetpointAction action;
    LeaseTerm term;
    boolean inFlight = true;
    /** The applied setpoint this one replaces, until this one is applied or fails. */
    Held replaced;
    /** Why the latest renewal did not go through; empty when none missed. */
    String missed = "";

    Held(SetpointAction action) {
      this.action = action;
    }
  }

  /** What one sweep found: the renewals due now and the setpoints given up. */
  record Sweep(List<SetpointAction> renewals, List<Lapse> lapses) {
    Sweep {
      renewals = List.copyOf(renewals);
      lapses = List.copyOf(lapses);
    }
  }

  private final Map<SetpointTarget, Held> held = new HashMap<>();
  private final List<Lapse> settledLapses = new ArrayList<>();

  /** The setpoint is being sent: it replaces whatever the node held for the same target. */
  synchronized void sending(SetpointAction action) {
    SetpointTarget target = SetpointTarget.of(action);
    Held current = held.get(target);
    if (current != null && current.action.id().equals(action.id())) {
      current.inFlight = true;
      return;
    }
    Held next = new Held(action);
    if (current != null) {
      next.replaced = current.term != null ? current : current.replaced;
    }
    held.put(target, next);
  }

  /** The executor answered for {@code action}, or it was not sent ({@code result} says why). */
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
      current.replaced = null;
      current.missed = "";
    } else if (current.term == null) {
      held.remove(target);
      if (current.replaced != null) {
        settledLapses.add(new Lapse(current.replaced.action, LapseReason.REPLACEMENT_FAILED,
            "the setpoint sent to replace it (" + action.id() + ", " + action.describe()
                + ") failed: " + outcome(result) + "; neither is renewed",
            current.replaced.term.expiresAt()));
      }
    } else {
      current.missed = "the latest renewal failed: " + outcome(result);
    }
  }

  /**
   * Gives up what is no longer worth holding and returns the renewals due at the snapshot's
   * time, marked in flight; with {@code withheld} present (why renewals may not go out now)
   * none is due, and a lease that runs out meanwhile lapses with that reason.
   */
  synchronized Sweep sweep(ClusterSnapshot snapshot, Optional<String> withheld,
      Sight sight) {
    Instant now = snapshot.at();
    List<Lapse> lapses = new ArrayList<>(settledLapses);
    settledLapses.clear();
    List<SetpointAction> due = new ArrayList<>();
    for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
      Held entry = it.next();
      if (entry.term == null) {
        continue;
      }
      Optional<Lapse> lapse = lapse(entry, snapshot, sight);
      if (lapse.isPresent()) {
        it.remove();
        lapses.add(lapse.get());
      } else if (!entry.inFlight && entry.term.renewalDueAt(now)) {
        if (withheld.isPresent()) {
          entry.missed = "renewals were withheld: " + withheld.get();
        } else {
          entry.inFlight = true;
          due.add(entry.action);
        }
      }
    }
    return new Sweep(due, lapses);
  }

  /**
   * Whether the controller is blind through its own ingest delay, and which nodes' readings
   * still arrive: a held setpoint on a node that is stale or gone only because of the
   * controller's delay is kept (and renewed) rather than given up.
   */
  record Sight(boolean blind, IngestWatch watch) {
    boolean ownDelay(NodeId node, Instant now) {
      return blind && watch.stillArriving(node, now);
    }
  }

  synchronized int size() {
    return held.size();
  }

  /** Why a held setpoint is not worth holding any more, if it is not. */
  private static Optional<Lapse> lapse(Held entry, ClusterSnapshot snapshot, Sight sight) {
    SetpointAction action = entry.action;
    Instant endsAt = entry.term.expiresAt();
    if (entry.term.expiredAt(snapshot.at())) {
      String why = !entry.missed.isEmpty() ? entry.missed
          : entry.inFlight ? "the renewal sent was not answered in time"
          : "it was not renewed in time";
      return Optional.of(new Lapse(action, LapseReason.LEASE_RAN_OUT,
          "its lease ran out at " + endsAt + " before a renewal was acknowledged: " + why,
          endsAt));
    }
    Optional<NodeView> view = snapshot.node(action.node());
    if ((view.isEmpty() || view.get().stale()) && sight.ownDelay(action.node(), snapshot.at())) {
      return Optional.empty();
    }
    if (view.isEmpty()) {
      return Optional.of(new Lapse(action, LapseReason.NODE_GONE, action.node()
          + " is no longer in the cluster view: the controller renews nothing blind", endsAt));
    }
    if (view.get().stale()) {
      long silentSeconds = Duration.between(view.get().lastReceived(), snapshot.at())
          .toSeconds();
      return Optional.of(new Lapse(action, LapseReason.NODE_STALE, "no fresh telemetry from "
          + action.node() + " for " + silentSeconds + " s: the controller renews nothing blind",
          endsAt));
    }
    OptionalDouble max = view.get().latest(action.kind().maxMetric(), action.device());
    if (max.isPresent() && action.value() >= max.getAsDouble()) {
      return Optional.of(new Lapse(action, LapseReason.AT_MAXIMUM, number(action.value()) + " "
          + action.kind().unit() + " is at the node's maximum " + number(max.getAsDouble())
          + " " + action.kind().unit() + " (" + action.kind().maxMetric().wireName()
          + "): it limits nothing and needs no lease", endsAt));
    }
    return Optional.empty();
  }

  private static String outcome(ActionResult result) {
    return result.outcome().name().toLowerCase(Locale.ROOT) + ", " + result.detail();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
