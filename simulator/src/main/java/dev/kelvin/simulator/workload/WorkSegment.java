package dev.kelvin.simulator.workload;

import dev.kelvin.core.model.JobId;
import java.time.Duration;
import java.util.Objects;

/** One stretch of a node's time: idle for a while, or running a job. */
public sealed interface WorkSegment permits WorkSegment.Idle, WorkSegment.Job {

  /** Nothing to run for {@code length} of wall time. */
  record Idle(Duration length) implements WorkSegment {
    public Idle {
      requirePositive("idle length", length);
    }
  }

  /**
   * A job that uses {@code demandRatio} of the node's full-speed capacity and would take
   * {@code lengthAtFullSpeed} uncapped; under a frequency cap that saturates the node it
   * takes longer.
   */
  record Job(JobId id, double demandRatio, Duration lengthAtFullSpeed) implements WorkSegment {
    public Job {
      Objects.requireNonNull(id, "id");
      if (!(demandRatio > 0 && demandRatio <= 1)) {
        throw new IllegalArgumentException("demandRatio of job " + id + " must be within (0, 1]"
            + " of the node's full-speed capacity, was " + demandRatio + " (a percentage?)");
      }
      requirePositive("length of job " + id, lengthAtFullSpeed);
    }

    /** The job's work in full-speed node-seconds: demand times uncapped length. */
    public double workSeconds() {
      return demandRatio * (lengthAtFullSpeed.toNanos() / 1e9);
    }
  }

  private static void requirePositive(String field, Duration length) {
    Objects.requireNonNull(length, field);
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + length);
    }
  }
}
