package dev.kelvin.core.model;

import java.util.Objects;

/** A batch job as the scheduler names it (Slurm job ids are numbers, array jobs are not). */
public record JobId(String value) implements Comparable<JobId> {
  public JobId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("job id must not be blank");
    }
  }

  /** Numeric ids (Slurm's) in numeric order, before any other id; others by text. */
  @Override
  public int compareTo(JobId other) {
    boolean numeric = isNumber(value);
    boolean otherNumeric = isNumber(other.value);
    if (numeric && otherNumeric) {
      int byLength = Integer.compare(value.length(), other.value.length());
      return byLength != 0 ? byLength : value.compareTo(other.value);
    }
    return numeric != otherNumeric ? (numeric ? -1 : 1) : value.compareTo(other.value);
  }

  private static boolean isNumber(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return text.length() == 1 || text.charAt(0) != '0';
  }

  @Override
  public String toString() {
    return value;
  }
}
