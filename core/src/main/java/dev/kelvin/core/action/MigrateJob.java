package dev.kelvin.core.action;

import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import java.util.Objects;

/** Move {@code job} off {@code from}, by checkpoint-restart or by requeueing it. */
public record MigrateJob(ActionMeta meta, JobId job, NodeId from, Mode mode) implements Action {
  /** How the job leaves the node. */
  public enum Mode { CHECKPOINT_RESTART, REQUEUE }

  public MigrateJob {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(mode, "mode");
  }

  @Override
  public String target() {
    return "job " + job + " on " + from;
  }

  @Override
  public ActionType type() {
    return ActionType.MIGRATE_JOB;
  }

  @Override
  public String describe() {
    return mode == Mode.REQUEUE ? "requeue job " + job : "checkpoint and restart job " + job;
  }
}
