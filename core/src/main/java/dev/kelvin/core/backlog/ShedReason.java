package dev.kelvin.core.backlog;

/** Why a received reading was dropped before it reached the state. */
public enum ShedReason {
  /** A newer reading of the same node arrived while the queue was long; the newer one is kept. */
  SUPERSEDED("superseded"),
  /** The queue held its maximum and the reading came from a source with nothing queued. */
  QUEUE_FULL("queue_full");

  private final String label;

  ShedReason(String label) {
    this.label = label;
  }

  /** The name on {@code /metrics} and in logs. */
  public String label() {
    return label;
  }
}
