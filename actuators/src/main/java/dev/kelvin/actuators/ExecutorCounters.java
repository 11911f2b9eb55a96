package dev.kelvin.actuators;

import dev.kelvin.core.action.ActionResult;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counts behind {@link ExecutorStats}. */
final class ExecutorCounters {
  private final LongAdder sent = new LongAdder();
  private final LongAdder applied = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private final LongAdder unsupported = new LongAdder();
  private final LongAdder malformedAcks = new LongAdder();
  private final LongAdder unknownAcks = new LongAdder();

  void sent() {
    sent.increment();
  }

  void malformedAck() {
    malformedAcks.increment();
  }

  void unknownAck() {
    unknownAcks.increment();
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
    return new ExecutorStats(sent.sum(), applied.sum(), rejected.sum(), failed.sum(),
        timedOut.sum(), unsupported.sum(), malformedAcks.sum(), unknownAcks.sum(), pending);
  }
}
