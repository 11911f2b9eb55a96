package dev.kelvin.core.action;

import dev.kelvin.core.model.NodeId;
import java.util.Objects;

/** Drain (no new jobs) {@code node}. */
public record DrainNode(ActionMeta meta, NodeId node) implements NodeAction {
  public DrainNode {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(node, "node");
  }

  @Override
  public ActionType type() {
    return ActionType.DRAIN_NODE;
  }

  @Override
  public String describe() {
    return "drain (no new jobs)";
  }
}
