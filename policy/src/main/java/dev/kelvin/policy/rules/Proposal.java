package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.policy.PolicySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a rule inserts when it fires: an action to propose, before it gets an id and a lease.
 * Each kind of proposal turns itself into its core action; the policy gives every one its meta
 * (id, rule, reason, facts, time, lease) in one place.
 */
public interface Proposal {
  /** The DRL name of the rule that fired. */
  String rule();

  /** What it acts on (a node, job or site id); proposals are reported in target order. */
  String target();

  /** Why, in words an operator can check against the facts. */
  String reason();

  /** The observations the rule matched. */
  List<Fact> facts();

  /** The core action this proposal stands for, carrying {@code meta}. */
  Action toAction(ActionMeta meta);

  /** The lease its action carries; zero for an action that does not expire. */
  default Duration lease(PolicySettings settings) {
    return Duration.ZERO;
  }

  /** The version of the model whose prediction the rule acted on, if it read one. */
  default Optional<String> modelVersion() {
    return Optional.empty();
  }

  /**
   * {@code proposals} in the order they are reported: by target, then rule, then reason. Each
   * target is read once (it is built from ids), not once per comparison.
   */
  static List<Proposal> inOrder(Collection<? extends Proposal> proposals) {
    record Keyed(String target, Proposal proposal) {}
    List<Keyed> keyed = new ArrayList<>(proposals.size());
    for (Proposal proposal : proposals) {
      keyed.add(new Keyed(proposal.target(), proposal));
    }
    keyed.sort(Comparator.comparing(Keyed::target)
        .thenComparing(key -> key.proposal().rule())
        .thenComparing(key -> key.proposal().reason()));
    List<Proposal> ordered = new ArrayList<>(keyed.size());
    for (Keyed key : keyed) {
      ordered.add(key.proposal());
    }
    return ordered;
  }
}
