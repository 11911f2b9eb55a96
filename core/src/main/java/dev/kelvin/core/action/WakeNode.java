package dev.kelvin.core.action;

import dev.kelvin.core.model.NodeId;
import java.util.Objects;

/** Wake from suspend {@code node}. */
public record WakeNode(ActionMeta meta, NodeId node) implements NodeAction {
  public WakeNode {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(node, "node");
  }

  @Override
  public ActionType type() {
    return ActionType.WAKE_NODE;
  }

  @Override
  public String describe() {
    return "wake from suspend";
  }
}
