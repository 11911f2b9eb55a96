package dev.kelvin.core.model;

import java.util.Objects;

/** A batch job as the scheduler names it (Slurm job ids are numbers, array jobs are not). */
public record JobId(String value) {
  public JobId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("job id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
