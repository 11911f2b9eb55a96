package dev.kelvin.actuators.slurm;

import java.util.Locale;

/** Why one node or job of a Slurm answer was skipped; each is counted on /metrics. */
public enum SlurmReject {
  /** A field Kelvin needs is absent or null. */
  MISSING_FIELD,
  /** A field holds a value of the wrong type or out of range. */
  BAD_VALUE,
  /** A node or job state Kelvin does not know. */
  UNKNOWN_STATE,
  /** A Slurm node name that is not a valid Kelvin node name. */
  BAD_NODE_NAME,
  /** Fields that contradict each other (a running job without a start time). */
  INCONSISTENT;

  /** The label on /metrics: lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
