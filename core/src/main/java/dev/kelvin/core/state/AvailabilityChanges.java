package dev.kelvin.core.state;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes of a workload manager's report changed since the last report that named them:
 * the one place that decides what a change of availability is, so that the store is written
 * to only when a node's state changes, not at every report. A node changed when its state, its
 * {@code since}, or its drain (when, and by whom) differ from what was last reported of it; a
 * node reported for the first time (after a start, say) is a change too, since nothing says
 * what the store holds of it (written again, it is the same point). A node left out of a report
 * is kept as it was last reported, so that it is no change when it comes back the same. Not
 * thread-safe: {@link WorkloadState} guards it.
 */
final class AvailabilityChanges {
  private final Map<NodeId, NodeAvailability> last = new HashMap<>();

  /** The nodes of {@code report} that changed, in the report's order; remembers the report. */
  List<NodeAvailability> changed(Collection<NodeAvailability> report) {
    List<NodeAvailability> changed = new ArrayList<>();
    for (NodeAvailability node : report) {
      NodeAvailability before = last.put(node.node(), node);
      if (!node.equals(before)) {
        changed.add(node);
      }
    }
    return changed;
  }
}
