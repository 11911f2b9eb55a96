package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.policy.PolicySettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A power rule's proposal to hold one of {@code node}'s power setpoints at {@code value}: its
 * CPU frequency cap (MHz), its node power cap (W) or the power limit of its GPU {@code gpu}
 * (W), under the lease of the rule family's settings, with the version of the forecast model
 * it acted on when it read one.
 */
public record PowerProposal(String rule, NodeId node, Control control, int gpu, double value,
    String reason, List<Fact> facts, Duration capLease, Optional<String> modelVersion)
    implements Proposal {

  /** The setpoint a power rule moves. */
  public enum Control { CPU_CAP_MHZ, NODE_CAP_W, GPU_LIMIT_W }

  public PowerProposal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(capLease, "capLease");
    Objects.requireNonNull(modelVersion, "modelVersion");
    facts = List.copyOf(facts);
  }

  /** A proposal for the CPU cap, node power cap or one GPU, acting on no forecast. */
  static PowerProposal of(String rule, NodeId node, Control control, int gpu, double value,
      String reason, List<Fact> facts, Duration capLease) {
    return new PowerProposal(rule, node, control, gpu, value, reason, facts, capLease,
        Optional.empty());
  }

  /** This proposal, acting on the forecast of model {@code version}. */
  PowerProposal basedOn(Optional<String> version) {
    return new PowerProposal(rule, node, control, gpu, value, reason, facts, capLease, version);
  }

  @Override
  public String target() {
    return node.toString();
  }

  @Override
  public Action toAction(ActionMeta meta) {
    if (control == Control.CPU_CAP_MHZ) {
      return new SetCpuFrequencyCap(meta, node, value);
    } else if (control == Control.NODE_CAP_W) {
      return new SetNodePowerCap(meta, node, value);
    }
    return new SetGpuPowerLimit(meta, node, gpu, value);
  }

  @Override
  public Duration lease(PolicySettings settings) {
    return capLease;
  }
}
