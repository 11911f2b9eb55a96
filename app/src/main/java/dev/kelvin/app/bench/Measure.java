package dev.kelvin.app.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * Times a piece of work the simple, honest way: warm-up rounds first (so the JIT has compiled
 * it), then measured rounds, reporting the median and the slowest. Each round's result is
 * consumed, so the JIT cannot drop the work.
 */
final class Measure {
  /** Median and worst of the measured rounds. */
  record Timing(Duration median, Duration worst, int rounds) {}

  /** A piece of work that returns something, so that it cannot be optimised away. */
  @FunctionalInterface
  interface Work {
    Object run();
  }

  private static volatile Object sink;

  private Measure() {}

  static Timing time(int warmups, int rounds, Work work) {
    for (int i = 0; i < warmups; i++) {
      sink = work.run();
    }
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long started = System.nanoTime();
      sink = work.run();
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    return new Timing(Duration.ofNanos(nanos[rounds / 2]), Duration.ofNanos(nanos[rounds - 1]),
        rounds);
  }
}
