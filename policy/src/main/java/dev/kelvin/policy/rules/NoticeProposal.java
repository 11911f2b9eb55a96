package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.Notify;
import java.util.List;
import java.util.Objects;

/**
 * A proposal to tell the operators something a rule saw but must not act on alone (one signal
 * of a site in danger, a failover with no site to take the load); {@code subject} is what it is
 * about (a site id) and the reason is the message.
 */
public record NoticeProposal(String rule, Notify.Severity severity, String subject,
    String reason, List<Fact> facts) implements Proposal {

  public NoticeProposal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
    facts = List.copyOf(facts);
  }

  @Override
  public String target() {
    return subject;
  }

  @Override
  public Action toAction(ActionMeta meta) {
    return new Notify(meta, severity, subject, reason);
  }
}
