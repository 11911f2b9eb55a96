package dev.kelvin.mqtt;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/** Lock-free counts behind {@link SessionStats}, shared by every session implementation. */
final class SessionCounters {
  final LongAdder connects = new LongAdder();
  final LongAdder connectionsLost = new LongAdder();
  final LongAdder takeovers = new LongAdder();
  final LongAdder connectFailures = new LongAdder();
  final LongAdder refusals = new LongAdder();
  final LongAdder published = new LongAdder();
  final LongAdder publishFailures = new LongAdder();
  final LongAdder received = new LongAdder();

  /** Counts a dropped connection, and a takeover when another client took the session. */
  void lost(MqttFailure failure) {
    connectionsLost.increment();
    if (failure.kind() == MqttFailure.Kind.TAKEN_OVER) {
      takeovers.increment();
    }
  }

  /** Counts a publish outcome; a refusal by the broker counts as a refusal too. */
  void publishOutcome(java.util.Optional<MqttFailure> outcome) {
    if (outcome.isEmpty()) {
      published.increment();
      return;
    }
    publishFailures.increment();
    if (outcome.get().kind() == MqttFailure.Kind.MESSAGE_REFUSED) {
      refusals.increment();
    }
  }

  SessionStats stats(BooleanSupplier connected) {
    return new SessionStats(connects.sum(), connectionsLost.sum(), takeovers.sum(),
        connectFailures.sum(),
        refusals.sum(), published.sum(), publishFailures.sum(), received.sum(),
        connected.getAsBoolean());
  }
}
