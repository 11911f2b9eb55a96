package dev.kelvin.dashboard;

import java.time.Duration;
import java.util.Objects;

/**
 * How many event streams the dashboard serves at once, and how far one client may fall behind
 * before the dashboard drops it, so that a browser tab that stopped reading cannot hold anything
 * but its own stream.
 *
 * @param maxStreams event streams open at once; one more is answered 503
 * @param outboxEvents events that may wait for one client; one more and it is dropped
 * @param writeTimeout how long one write to a client may block before it is dropped
 */
record StreamLimits(int maxStreams, int outboxEvents, Duration writeTimeout) {
  /**
   * 32 streams (a control room's worth of tabs; the events they wait for are shared, so each
   * costs little more than its socket), 64 events (about 20 s of pushes at the default 1 s
   * interval) and 5 s per write: far more than a reading browser ever needs, far less than
   * Jetty's 30 s idle timeout.
   */
  static final StreamLimits DEFAULTS = new StreamLimits(32, 64, Duration.ofSeconds(5));

  StreamLimits {
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    if (maxStreams < 1) {
      throw new IllegalArgumentException("maxStreams must be at least 1, was " + maxStreams);
    }
    if (outboxEvents < EventHub.INITIAL_EVENTS) {
      throw new IllegalArgumentException("outboxEvents must be at least "
          + EventHub.INITIAL_EVENTS + " (the state a client gets on connect), was "
          + outboxEvents);
    }
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("writeTimeout must be positive, was " + writeTimeout);
    }
  }
}
