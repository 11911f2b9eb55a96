package dev.kelvin.core.action;

import dev.kelvin.core.model.NodeId;
import java.util.Objects;

/** Resume (accept jobs again) {@code node}. */
public record ResumeNode(ActionMeta meta, NodeId node) implements NodeAction {
  public ResumeNode {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(node, "node");
  }

  @Override
  public ActionType type() {
    return ActionType.RESUME_NODE;
  }

  @Override
  public String describe() {
    return "resume (accept jobs again)";
  }
}
