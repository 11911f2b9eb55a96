package dev.kelvin.core.state;

import dev.kelvin.core.validation.RejectReason;
import java.util.Optional;

/** What the cluster state did with a reading. */
public enum Admission {
  /** Newest reading of its node: it updates the live state. */
  ACCEPTED(null),
  /**
   * Valid but older than what the state already holds for the node, or already stale when it
   * arrived (delayed in a queue, replayed from an agent's backlog after a broker outage). It
   * belongs in the store, never in the live view the controller acts on.
   */
  LATE(null),
  /** The same node, sequence number and time arrived before. */
  DUPLICATE(RejectReason.DUPLICATE),
  /** The reading claims a time too far ahead of the receiver's clock. */
  CLOCK_SKEW(RejectReason.CLOCK_SKEW),
  /** The node is not in the closed inventory, or the state is full. */
  UNKNOWN_NODE(RejectReason.UNKNOWN_NODE);

  private final RejectReason rejectReason;

  Admission(RejectReason rejectReason) {
    this.rejectReason = rejectReason;
  }

  /** The reject reason, empty when the reading was kept. */
  public Optional<RejectReason> rejectReason() {
    return Optional.ofNullable(rejectReason);
  }
}
