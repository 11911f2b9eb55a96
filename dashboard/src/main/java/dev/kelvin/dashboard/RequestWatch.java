package dev.kelvin.dashboard;

/**
 * How long one connection has been sending its current request, from samples of what its
 * parser is doing. A request is told from the next by the number of request headers the
 * connection had completed: the one in its headers is number {@code headersDone}, the one in its
 * body number {@code headersDone - 1}. A connection that has sent nothing yet counts as sending
 * its first request since it opened; one between requests (keep-alive) is idle, which Jetty's
 * idle timeout bounds. Times are {@link System#nanoTime} values: they bound a real socket.
 */
final class RequestWatch {
  /** What a connection is doing when sampled. */
  enum Phase {
    /** Between requests, or answering one it has received in full. */
    IDLE,
    /** Sending a request line and headers, or nothing yet since it opened. */
    HEADERS,
    /** Sending a request body. */
    BODY
  }

  private boolean receiving = true;
  private long request;
  private long sinceNanos;

  /** A connection that opened at {@code openedNanos} and has sent nothing yet. */
  RequestWatch(long openedNanos) {
    this.sinceNanos = openedNanos;
  }

  /**
   * Records a sample and returns how long the request being sent has been seen in progress,
   * in nanoseconds, or 0 when idle.
   */
  synchronized long receivingNanos(Phase phase, long headersDone, long nowNanos) {
    if (phase == Phase.IDLE) {
      receiving = false;
      return 0;
    }
    long current = phase == Phase.HEADERS ? headersDone : headersDone - 1;
    if (!receiving || current != request) {
      receiving = true;
      request = current;
      sinceNanos = nowNanos;
    }
    return nowNanos - sinceNanos;
  }
}
