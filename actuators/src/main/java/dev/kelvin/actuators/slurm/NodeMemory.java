package dev.kelvin.actuators.slurm;

import dev.kelvin.actuators.slurm.SlurmNodes.SlurmNode;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Since when each node has been in its state. Slurm's JSON says what state a node is in, not
 * since when, so this remembers the first poll that saw the node's current state; a DOWN node
 * is dated by its {@code reason_changed_at} when Slurm set one (the time it was marked down,
 * also for a failure seen before Kelvin started), unless that time is older than the second of
 * the previous poll that saw the node up (then the reason is an older one, such as a drain's,
 * kept by Slurm when the node stopped responding). A drained node whose reason has no time is
 * drained since the first poll that saw it drained. A node no longer reported is forgotten.
 * Used from one thread at a time (the poll).
 */
final class NodeMemory {
  private record Seen(State state, Instant since, Optional<Instant> drainedAt) { }

  private Map<NodeId, Seen> seen = new HashMap<>();
  private Optional<Instant> lastPoll = Optional.empty();

  /** The availability of {@code nodes} as polled at {@code now}. */
  List<NodeAvailability> availability(List<SlurmNode> nodes, Instant now) {
    Map<NodeId, Seen> next = new HashMap<>();
    List<NodeAvailability> availability = new ArrayList<>(nodes.size());
    for (SlurmNode node : nodes) {
      Seen before = seen.get(node.node());
      Instant since = before != null && before.state() == node.state() ? before.since()
          : entered(node, before != null, now);
      Optional<Instant> drainedAt = node.drained()
          ? node.reasonChangedAt().map(at -> earlier(at, now))
              .or(() -> before == null ? Optional.empty() : before.drainedAt())
              .or(() -> Optional.of(now))
          : Optional.empty();
      next.put(node.node(), new Seen(node.state(), since, drainedAt));
      availability.add(new NodeAvailability(node.node(), node.state(), since, drainedAt,
          node.drainedByKelvin()));
    }
    seen = next;
    lastPoll = Optional.of(now);
    return availability;
  }

  private Instant entered(SlurmNode node, boolean known, Instant now) {
    Optional<Instant> changed = node.reasonChangedAt();
    if (node.state() != State.DOWN || changed.isEmpty()) {
      return now;
    }
    // Slurm's times are whole seconds: a node marked down in the second of the poll before is
    // dated by Slurm's time, as a controller that first sees it down after a restart dates it
    boolean older = known && lastPoll.isPresent()
        && changed.get().isBefore(lastPoll.get().truncatedTo(ChronoUnit.SECONDS));
    return older ? now : earlier(changed.get(), now);
  }

  /** Slurm's clock may run ahead of Kelvin's: nothing happened after now. */
  private static Instant earlier(Instant at, Instant now) {
    return at.isAfter(now) ? now : at;
  }
}
