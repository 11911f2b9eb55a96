package dev.kelvin.datasets.failure;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One record of the LANL failure log (LA-UR-05-7318): an outage of one node.
 *
 * @param system the system number (2 to 24)
 * @param node the node number counted from 0 ({@code nodenumz}); empty where the log leaves it
 *     blank (system 17)
 * @param startedAt when the problem started, read as UTC (the log gives local time without a
 *     zone, to the minute)
 * @param downtimeMinutes the outage's length in minutes, 0 or more
 * @param cause the root-cause category
 * @param causeDetail the sub-cause the log writes in the cause's column ("CPU", "Other
 *     Software", ...), empty when none
 * @param sameEvent whether the log marks the record as part of an earlier one
 * @param systemNodes the system's node count; empty where the log leaves it blank
 * @param purpose the node's purpose ("compute", "graphics.fe", ...), empty when not stated
 */
public record LanlFailure(int system, OptionalInt node, Instant startedAt, long downtimeMinutes,
    RootCause cause, String causeDetail, boolean sameEvent, OptionalInt systemNodes,
    String purpose) {
  public LanlFailure {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(causeDetail, "causeDetail");
    Objects.requireNonNull(systemNodes, "systemNodes");
    Objects.requireNonNull(purpose, "purpose");
    if (downtimeMinutes < 0) {
      throw new IllegalArgumentException("downtimeMinutes must be >= 0 min, was "
          + downtimeMinutes + " (a fix time before the start?)");
    }
  }

  /** Whether the node was a compute node (purpose {@code compute}). */
  public boolean isCompute() {
    return purpose.equals("compute");
  }

  /** When the outage ended: the start plus the downtime. */
  public Instant endedAt() {
    return startedAt.plusSeconds(downtimeMinutes * 60);
  }
}
