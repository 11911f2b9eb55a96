package dev.kelvin.core.action;

import dev.kelvin.core.model.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * Keep the pending job {@code job} from starting until {@code until}, when the workload
 * manager may start it again (or earlier, on a {@link ReleaseJob}). Only for jobs marked
 * deferrable, within their deadline.
 */
public record HoldJob(ActionMeta meta, JobId job, Instant until) implements Action {

  public HoldJob {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(until, "until");
  }

  @Override
  public String target() {
    return "job " + job;
  }

  @Override
  public ActionType type() {
    return ActionType.HOLD_JOB;
  }

  @Override
  public String describe() {
    return "hold job " + job + " until " + until;
  }
}
