package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.model.JobId;
import java.util.List;
import java.util.Objects;

/** A proposal to lift the hold on {@code job}. */
public record ReleaseProposal(String rule, JobId job, String reason, List<Fact> facts)
    implements Proposal {

  public ReleaseProposal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(reason, "reason");
    facts = List.copyOf(facts);
  }

  /** As {@link ReleaseJob#target()}: {@code job j1}. */
  @Override
  public String target() {
    return "job " + job;
  }

  @Override
  public Action toAction(ActionMeta meta) {
    return new ReleaseJob(meta, job);
  }
}
