package dev.kelvin.core.action;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every action carries besides its target: its id, the rule that proposed it, a reason a
 * person can read, the facts behind it, when it was proposed, its lease (how long a setpoint
 * holds unless renewed; {@link Duration#ZERO} for actions that do not expire), and the version
 * of the model whose prediction it was based on, if any, so that the audit log can trace it.
 */
public record ActionMeta(ActionId id, String rule, String reason, List<Fact> facts,
    Instant proposedAt, Duration lease, Optional<String> modelVersion) {
  public ActionMeta {
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(proposedAt, "proposedAt");
    Objects.requireNonNull(lease, "lease");
    if (rule == null || rule.isBlank()) {
      throw new IllegalArgumentException("every action names the rule that proposed it");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("action from rule '" + rule + "' needs a reason");
    }
    if (lease.isNegative()) {
      throw new IllegalArgumentException("lease must be >= 0, was " + lease);
    }
    facts = List.copyOf(facts);
  }

  /** An action based on no model's prediction. */
  public ActionMeta(ActionId id, String rule, String reason, List<Fact> facts,
      Instant proposedAt, Duration lease) {
    this(id, rule, reason, facts, proposedAt, lease, Optional.empty());
  }

  /** The same meta with another lease: how the guard shortens a lease beyond its maximum. */
  public ActionMeta withLease(Duration newLease) {
    return new ActionMeta(id, rule, reason, facts, proposedAt, newLease, modelVersion);
  }
}
