package dev.kelvin.actuators;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an executor has done since it started: commands handed to the broker, results by
 * outcome, and acknowledgements it refused, by reason ({@link AckRefusal}: malformed, for no
 * command it sent, from the wrong node, duplicate, late, inconsistent, claiming too long a
 * lease). {@code pending} is the number of commands awaiting an ack.
 */
public record ExecutorStats(long sent, long applied, long rejected, long failed, long timedOut,
    long unsupported, Map<AckRefusal, Long> refusedAcks, int pending) {

  public ExecutorStats {
    EnumMap<AckRefusal, Long> every = new EnumMap<>(AckRefusal.class);
    for (AckRefusal reason : AckRefusal.values()) {
      every.put(reason, refusedAcks.getOrDefault(reason, 0L));
    }
    refusedAcks = Map.copyOf(every);
  }

  /** Results delivered so far, whatever their outcome. */
  public long results() {
    return applied + rejected + failed + timedOut + unsupported;
  }

  /** Acks refused for {@code reason}. */
  public long refusedAcks(AckRefusal reason) {
    return refusedAcks.get(reason);
  }

  /** Acks refused, whatever the reason. */
  public long refusedAcksTotal() {
    return refusedAcks.values().stream().mapToLong(Long::longValue).sum();
  }
}
