package dev.kelvin.core.action;

import dev.kelvin.core.model.NodeId;
import java.util.Objects;

/** Suspend (power down while idle) {@code node}. */
public record SuspendNode(ActionMeta meta, NodeId node) implements NodeAction {
  public SuspendNode {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(node, "node");
  }

  @Override
  public ActionType type() {
    return ActionType.SUSPEND_NODE;
  }

  @Override
  public String describe() {
    return "suspend (power down while idle)";
  }
}
