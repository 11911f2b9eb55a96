package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.model.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposal to drain, resume, suspend or wake {@code node}: the availability actions, which
 * hold until the opposite one (no lease). A proposal based on a prediction carries its model
 * version.
 */
public record NodeProposal(String rule, NodeId node, Kind kind, String reason, List<Fact> facts,
    Optional<String> modelVersion) implements Proposal {

  /** Which availability action. */
  public enum Kind { DRAIN, RESUME, SUSPEND, WAKE }

  public NodeProposal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(modelVersion, "modelVersion");
    facts = List.copyOf(facts);
  }

  @Override
  public String target() {
    return node.toString();
  }

  @Override
  public Action toAction(ActionMeta meta) {
    switch (kind) {
      case DRAIN: return new DrainNode(meta, node);
      case RESUME: return new ResumeNode(meta, node);
      case SUSPEND: return new SuspendNode(meta, node);
      case WAKE: return new WakeNode(meta, node);
      default: throw new AssertionError(kind);
    }
  }
}
