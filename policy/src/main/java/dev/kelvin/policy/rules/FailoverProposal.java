package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.model.SiteId;
import java.util.List;
import java.util.Objects;

/**
 * A proposal to fail site {@code from} over to {@code to}: the site admits no new work, its
 * running jobs are checkpointed and restarted at {@code to}, its queue moves there (what the
 * failover actuator does with a {@link FailoverSite}).
 */
public record FailoverProposal(String rule, SiteId from, SiteId to, String reason,
    List<Fact> facts) implements Proposal {

  public FailoverProposal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    facts = List.copyOf(facts);
  }

  @Override
  public String target() {
    return from.toString();
  }

  @Override
  public Action toAction(ActionMeta meta) {
    return new FailoverSite(meta, from, to);
  }
}
