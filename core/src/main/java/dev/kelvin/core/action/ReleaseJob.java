package dev.kelvin.core.action;

import dev.kelvin.core.model.JobId;
import java.util.Objects;

/** Lift a {@link HoldJob} on {@code job} before its time: it may start at once. */
public record ReleaseJob(ActionMeta meta, JobId job) implements Action {

  public ReleaseJob {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(job, "job");
  }

  @Override
  public String target() {
    return "job " + job;
  }

  @Override
  public ActionType type() {
    return ActionType.RELEASE_JOB;
  }

  @Override
  public String describe() {
    return "release job " + job;
  }
}
