package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.model.JobId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A proposal to hold the pending job {@code job} for {@code holdMillis} from the snapshot. */
public record HoldProposal(String rule, JobId job, long holdMillis, String reason,
    List<Fact> facts) implements Proposal {

  public HoldProposal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(reason, "reason");
    if (holdMillis <= 0) {
      throw new IllegalArgumentException("a hold of job " + job + " must last, was "
          + holdMillis + " ms");
    }
    facts = List.copyOf(facts);
  }

  /** As {@link HoldJob#target()}: {@code job j1}. */
  @Override
  public String target() {
    return "job " + job;
  }

  @Override
  public Action toAction(ActionMeta meta) {
    return new HoldJob(meta, job, meta.proposedAt().plus(Duration.ofMillis(holdMillis)));
  }
}
