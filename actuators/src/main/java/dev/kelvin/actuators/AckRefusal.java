package dev.kelvin.actuators;

import java.util.Locale;

/**
 * Why the executor refused an acknowledgement. A refused ack completes no command: its
 * read-back never reaches the audit log and it never moves a lease renewal; the command stays
 * in flight for the real answer, or times out. Counted by reason in {@link ExecutorStats} and
 * on {@code /metrics} as {@code kelvin_actuator_acks_refused_total{reason}}; the labels are
 * stable because alerts key on them.
 */
public enum AckRefusal {
  /** Not an ack: not one JSON object, a field missing or of the wrong type, a bad topic. */
  MALFORMED(false, "not an ack this controller can read"),
  /** No command with its id was sent by this controller (lately): another's, or forged. */
  UNKNOWN_COMMAND(true, "for no command this controller sent: another controller's, or forged"),
  /** Its id is in flight for another node: it came on the ack topic of the wrong node. */
  WRONG_NODE(true, "on the ack topic of a node the command was not sent to"),
  /** The command was answered already: a QoS 1 redelivery, or a replay. */
  DUPLICATE(false, "a second ack for one command: a redelivery, or a replay"),
  /** The command timed out or failed before the ack came: raise the ack timeout if common. */
  LATE(false, "after its command timed out or failed"),
  /** Its status and values contradict one another, or a read-back is out of range. */
  INCONSISTENT(true, "contradicts itself or reads back an impossible value"),
  /** It claims a lease longer than the one asked for. */
  LEASE_TOO_LONG(true, "claims a longer lease than asked");

  private final boolean suspicious;
  private final String meaning;

  AckRefusal(boolean suspicious, String meaning) {
    this.suspicious = suspicious;
    this.meaning = meaning;
  }

  /** The label on {@code /metrics}, e.g. {@code lease_too_long}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether an honest agent on a healthy network never sends such an ack: a sign of a broken
   * agent, a second controller on the same topics, or a forger; logged as a warning.
   */
  public boolean suspicious() {
    return suspicious;
  }

  /** What the reason means, for log lines. */
  String meaning() {
    return meaning;
  }
}
