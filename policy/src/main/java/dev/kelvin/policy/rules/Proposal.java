package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Fact;
import dev.kelvin.core.model.NodeId;
import java.util.List;

/**
 * What a rule inserts when it fires: an action to propose, before it gets an id and a lease.
 * The policy turns each kind into its core action in one place.
 */
public sealed interface Proposal permits CpuCapProposal {
  /** The DRL name of the rule that fired. */
  String rule();

  /** The node the proposal acts on; proposals are reported in node order. */
  NodeId node();

  /** Why, in words an operator can check against the facts. */
  String reason();

  /** The observations the rule matched. */
  List<Fact> facts();
}
