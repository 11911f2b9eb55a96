package dev.kelvin.policy.guard;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.NodeAction;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.lease.SetpointTarget;
import dev.kelvin.core.model.NodeId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles one tick's proposals against each other, before any other check: an identical
 * proposal (same type, target and value) after the first is a duplicate; of two values of one
 * setpoint (node, kind and device) the lower wins, being the safer; a drain wins over a resume
 * of the same node, a wake over a suspend, and a node that is drained or whose jobs migrate in
 * the same tick is not suspended. Losers are refused naming the winner and its rule.
 */
final class Conflicts {
  private final List<Action> proposals;
  private final String[] refusals;

  private Conflicts(List<Action> proposals) {
    this.proposals = proposals;
    this.refusals = new String[proposals.size()];
  }

  /** Why each proposal loses to another of the same tick, by index; null where it does not. */
  static String[] screen(List<Action> proposals) {
    Conflicts conflicts = new Conflicts(proposals);
    conflicts.refuseDuplicates();
    conflicts.refuseHigherSetpoints();
    conflicts.refuseOpposites();
    return conflicts.refusals;
  }

  private void refuseDuplicates() {
    Map<Object, Action> first = new HashMap<>();
    for (int i = 0; i < proposals.size(); i++) {
      Action proposal = proposals.get(i);
      Action earlier = first.putIfAbsent(key(proposal), proposal);
      if (earlier != null) {
        refusals[i] = "duplicate of " + by(earlier) + " in the same tick: '"
            + proposal.describe() + "' on " + proposal.target() + " is proposed once";
      }
    }
  }

  /** Same type, target and value; a setpoint's value exactly, not as words round it. */
  static Object key(Action action) {
    if (action instanceof SetpointAction setpoint) {
      return List.of(SetpointTarget.of(setpoint), setpoint.value());
    }
    return List.of(action.type(), action.target(), action.describe());
  }

  private void refuseHigherSetpoints() {
    Map<SetpointTarget, SetpointAction> lowest = new HashMap<>();
    for (int i = 0; i < proposals.size(); i++) {
      if (refusals[i] == null && proposals.get(i) instanceof SetpointAction setpoint) {
        lowest.merge(SetpointTarget.of(setpoint), setpoint,
            (a, b) -> b.value() < a.value() ? b : a);
      }
    }
    for (int i = 0; i < proposals.size(); i++) {
      if (refusals[i] == null && proposals.get(i) instanceof SetpointAction setpoint) {
        SetpointAction winner = lowest.get(SetpointTarget.of(setpoint));
        if (winner != setpoint) {
          refusals[i] = "superseded by " + by(winner) + ": of two " + setpoint.kind().valueField()
              + " setpoints on " + SetpointTarget.of(setpoint) + " in one tick the lower wins ("
              + Leases.number(winner.value()) + " < " + Leases.number(setpoint.value()) + " "
              + setpoint.kind().unit() + ")";
        }
      }
    }
  }

  private void refuseOpposites() {
    Map<NodeId, Action> drains = firstOnNode(DrainNode.class);
    Map<NodeId, Action> wakes = firstOnNode(WakeNode.class);
    Map<NodeId, Action> migrations = new HashMap<>();
    for (int i = 0; i < proposals.size(); i++) {
      if (refusals[i] == null && proposals.get(i) instanceof MigrateJob migrate) {
        migrations.putIfAbsent(migrate.from(), migrate);
      }
    }
    for (int i = 0; i < proposals.size(); i++) {
      Action proposal = proposals.get(i);
      if (refusals[i] != null) {
        continue;
      }
      if (proposal instanceof ResumeNode resume && drains.containsKey(resume.node())) {
        refusals[i] = conflict(drains.get(resume.node()), "a drain wins over a resume");
      } else if (proposal instanceof SuspendNode suspend) {
        Action winner = wakes.getOrDefault(suspend.node(), drains.getOrDefault(suspend.node(),
            migrations.get(suspend.node())));
        if (winner != null) {
          refusals[i] = conflict(winner, winner instanceof WakeNode
              ? "a wake wins over a suspend"
              : "a node is not suspended while it is drained or its jobs move");
        }
      }
    }
  }

  private Map<NodeId, Action> firstOnNode(Class<? extends Action> type) {
    Map<NodeId, Action> first = new HashMap<>();
    for (int i = 0; i < proposals.size(); i++) {
      if (refusals[i] == null && type.isInstance(proposals.get(i))) {
        first.putIfAbsent(((NodeAction) proposals.get(i)).node(),
            proposals.get(i));
      }
    }
    return first;
  }

  private static String conflict(Action winner, String rule) {
    return "conflicts with " + by(winner) + " ('" + winner.describe() + "' on "
        + winner.target() + ") in the same tick: " + rule;
  }

  private static String by(Action action) {
    return action.id() + " from rule " + action.rule();
  }
}
