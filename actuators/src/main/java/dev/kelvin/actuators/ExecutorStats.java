package dev.kelvin.actuators;

/**
 * What an executor has done since it started: commands handed to the broker, results by
 * outcome, and acknowledgements it could not use, either malformed (not JSON, wrong fields,
 * wrong topic) or unknown (an id it is not waiting for: late after a timeout, a duplicate, or
 * an answer to another controller). {@code pending} is the number of commands awaiting an ack.
 */
public record ExecutorStats(long sent, long applied, long rejected, long failed, long timedOut,
    long unsupported, long malformedAcks, long unknownAcks, int pending) {

  /** Results delivered so far, whatever their outcome. */
  public long results() {
    return applied + rejected + failed + timedOut + unsupported;
  }
}
