package dev.kelvin.agent.lease;

import dev.kelvin.core.wire.CommandAck;
import java.util.Objects;
import java.util.Optional;

/**
 * What the lease table made of one command: the ack to send back, and what to count it as.
 *
 * @param ack the answer for the controller
 * @param refusal why the command was refused; present exactly when the ack says rejected
 * @param duplicate whether the command was a duplicate of one already applied, answered again
 *     without touching the hardware or the lease
 */
public record Answer(CommandAck ack, Optional<Refusal> refusal, boolean duplicate) {
  public Answer {
    Objects.requireNonNull(ack, "ack");
    Objects.requireNonNull(refusal, "refusal");
    if (refusal.isPresent() != (ack.status() == CommandAck.Status.REJECTED)) {
      throw new IllegalArgumentException("a refusal reason goes with a rejected ack and only"
          + " with one; ack " + ack.id() + " is " + ack.status().label() + ", reason " + refusal);
    }
    if (duplicate && ack.status() != CommandAck.Status.APPLIED) {
      throw new IllegalArgumentException("a duplicate is answered as applied, as it was; ack "
          + ack.id() + " is " + ack.status().label());
    }
  }

  static Answer done(CommandAck ack) {
    return new Answer(ack, Optional.empty(), false);
  }

  static Answer refused(CommandAck ack, Refusal reason) {
    return new Answer(ack, Optional.of(reason), false);
  }

  static Answer duplicate(CommandAck ack) {
    return new Answer(ack, Optional.empty(), true);
  }
}
