package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposal to checkpoint {@code job} and restart it away from {@code from}, carrying the
 * version of the model that predicted the failure.
 */
public record MigrateProposal(String rule, JobId job, NodeId from, String reason,
    List<Fact> facts, Optional<String> modelVersion) implements Proposal {

  public MigrateProposal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(modelVersion, "modelVersion");
    facts = List.copyOf(facts);
  }

  /** As {@link MigrateJob#target()}: {@code job j1 on site-a/n01}. */
  @Override
  public String target() {
    return "job " + job + " on " + from;
  }

  @Override
  public Action toAction(ActionMeta meta) {
    return new MigrateJob(meta, job, from, MigrateJob.Mode.CHECKPOINT_RESTART);
  }
}
