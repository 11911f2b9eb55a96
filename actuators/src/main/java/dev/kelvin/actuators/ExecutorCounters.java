package dev.kelvin.actuators;

import dev.kelvin.core.action.ActionResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counts behind {@link ExecutorStats}. */
final class ExecutorCounters {
  private final LongAdder sent = new LongAdder();
  private final LongAdder applied = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private final LongAdder unsupported = new LongAdder();
  private final EnumMap<AckRefusal, LongAdder> refusedAcks = new EnumMap<>(AckRefusal.class);

  ExecutorCounters() {
    for (AckRefusal reason : AckRefusal.values()) {
      refusedAcks.put(reason, new LongAdder());
    }
  }

  void sent() {
    sent.increment();
  }

  void refusedAck(AckRefusal reason) {
    refusedAcks.get(reason).increment();
  }

  void result(ActionResult result) {
    switch (result.outcome()) {
      case APPLIED -> applied.increment();
      case REJECTED -> rejected.increment();
      case FAILED -> failed.increment();
      case TIMED_OUT -> timedOut.increment();
      case UNSUPPORTED -> unsupported.increment();
      default -> throw new AssertionError(result.outcome());
    }
  }

  ExecutorStats stats(int pending) {
    Map<AckRefusal, Long> refused = new EnumMap<>(AckRefusal.class);
    refusedAcks.forEach((reason, count) -> refused.put(reason, count.sum()));
    return new ExecutorStats(sent.sum(), applied.sum(), rejected.sum(), failed.sum(),
        timedOut.sum(), unsupported.sum(), refused, pending);
  }
}
