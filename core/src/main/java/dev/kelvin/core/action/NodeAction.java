package dev.kelvin.core.action;

import dev.kelvin.core.model.NodeId;

/** An action on one node. */
public sealed interface NodeAction extends Action
    permits SetpointAction, DrainNode, ResumeNode, SuspendNode, WakeNode {
  NodeId node();

  @Override
  default String target() {
    return node().toString();
  }
}
