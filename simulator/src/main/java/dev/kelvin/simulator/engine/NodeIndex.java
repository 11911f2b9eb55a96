package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.NodeId;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.HashMap;
import java.util.Map;

/** Finds a simulated node's index by its id, or says why there is none. */
final class NodeIndex {
  private final Map<NodeId, Integer> byId = new HashMap<>();

  NodeIndex(Datacenter dc) {
    for (int i = 0; i < dc.nodes.size; i++) {
      byId.put(dc.id(i), i);
    }
  }

  /** The node's index and "", or -1 and a reason a person can act on. */
  Map.Entry<Integer, String> find(NodeId node) {
    Integer i = byId.get(node);
    return i == null
        ? new SimpleImmutableEntry<>(-1, "no simulated node " + node + " (a node of another"
            + " scenario, or a site name that differs?)")
        : new SimpleImmutableEntry<>(i, "");
  }
}
