package dev.kelvin.mqtt;

import dev.kelvin.core.time.Scheduler;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces a session's reconnects on its scheduler: the first attempt at once after a loss, then
 * after {@link ReconnectPacing#first()}, doubling up to {@link ReconnectPacing#max()}; one
 * attempt at a time. A connection that drops within {@link #STABLE} of being made counts as a
 * failed attempt, so the pace keeps growing: otherwise two clients sharing a client id (which
 * Mosquitto reports as a plain drop) would take the session from each other as fast as the
 * network allows, and so would a link that fails right after every handshake. Failures are logged, the first ten and then every tenth, so that a long
 * outage does not flood the log; a refusal (wrong login, an ACL) is logged at ERROR every time
 * it is logged at all, because retrying cannot fix it. An attempt that reports neither success
 * nor failure within its timeout counts as failed, so that one lost callback cannot leave a
 * session disconnected for good. Used by every session implementation. Thread-safe.
 */
public final class ReconnectLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ReconnectLoop.class);
  private static final int LOGGED_FAILURES = 10;
  /** A connection that lasts less than this did not really succeed. */
  public static final Duration STABLE = Duration.ofSeconds(10);
  /** How long an attempt may go unanswered by default. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);

  private final Scheduler scheduler;
  private final ReconnectPacing pacing;
  private final String clientId;
  private final Consumer<ReconnectLoop> attempt;
  private final Duration attemptTimeout;
  private long attempts;
  private Scheduler.Task watchdog;
  private Duration delay;
  private java.time.Instant connectedAt;
  private int failures;
  private boolean pending;
  private boolean closed;
  private Scheduler.Task next;

  /** @param attempt starts one connect attempt and reports back with succeeded or failed */
  public ReconnectLoop(Scheduler scheduler, ReconnectPacing pacing, String clientId,
      Consumer<ReconnectLoop> attempt) {
    this(scheduler, pacing, clientId, attempt, ATTEMPT_TIMEOUT);
  }

  /**
   * @param attemptTimeout an attempt that has reported nothing after this long failed (the
   *     transport's connect timeout, and a margin)
   */
  public ReconnectLoop(Scheduler scheduler, ReconnectPacing pacing, String clientId,
      Consumer<ReconnectLoop> attempt, Duration attemptTimeout) {
    this.scheduler = scheduler;
    this.pacing = pacing;
    this.clientId = clientId;
    this.attempt = attempt;
    this.attemptTimeout = Scheduler.requirePositive("attemptTimeout", attemptTimeout);
  }

  /**
   * The connection dropped: try again at once; but when another client took the session over,
   * only after the slowest pace, so that two clients with one id do not take it from each
   * other back and forth.
   */
  public synchronized void lost(MqttFailure failure) {
    if (failure.kind() == MqttFailure.Kind.TAKEN_OVER) {
      LOG.error("{}: {}", clientId, failure.message());
      delay = pacing.max();
      schedule(delay);
      return;
    }
    boolean shortLived = connectedAt != null
        && scheduler.now().isBefore(connectedAt.plus(STABLE));
    connectedAt = null;
    if (shortLived) {
      delay = pacing.after(delay);
      LOG.warn("{}: the connection dropped within {} s of being made ({}); reconnecting in {}"
          + " s (two clients with one client id?)", clientId, STABLE.toSeconds(),
          failure.message(), delay.toMillis() / 1000.0);
      schedule(delay);
      return;
    }
    delay = null;
    schedule(Duration.ZERO);
  }

  /** The attempt connected; the pace resets once the connection has proven stable. */
  public synchronized void succeeded() {
    pending = false;
    cancelWatchdog();
    connectedAt = scheduler.now();
    if (failures > 0) {
      LOG.info("{}: reconnected after {} failed attempt(s)", clientId, failures);
    }
    failures = 0;
  }

  /** The attempt failed: wait longer, then try again. */
  public synchronized void failed(MqttFailure failure) {
    pending = false;
    cancelWatchdog();
    if (closed) {
      return;
    }
    delay = failure.retriable() ? pacing.after(delay) : pacing.max();
    failures++;
    if (failures <= LOGGED_FAILURES || failures % LOGGED_FAILURES == 0) {
      String text = "{}: reconnecting failed ({} attempt(s) so far): {}; next attempt in {} s";
      Object[] args = {clientId, failures, failure.message(), delay.toMillis() / 1000.0};
      if (failure.retriable()) {
        LOG.warn(text, args);
      } else {
        LOG.error(text, args);
      }
    }
    schedule(delay);
  }

  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel();
    }
    cancelWatchdog();
  }

  private void schedule(Duration wait) {
    if (closed || pending) {
      return;
    }
    pending = true;
    next = scheduler.schedule(clientId + " reconnect", wait, () -> {
      synchronized (this) {
        if (closed) {
          return;
        }
        long number = ++attempts;
        watchdog = scheduler.schedule(clientId + " reconnect watchdog", attemptTimeout,
            () -> unanswered(number));
      }
      attempt.accept(this);
    });
  }

  /** Attempt {@code number} has not reported back: it failed. */
  private synchronized void unanswered(long number) {
    if (pending && number == attempts && !closed) {
      watchdog = null;
      failed(new MqttFailure(MqttFailure.Kind.UNREACHABLE, "the connect attempt had no answer"
          + " within " + attemptTimeout.toSeconds() + " s"));
    }
  }

  private void cancelWatchdog() {
    if (watchdog != null) {
      watchdog.cancel();
      watchdog = null;
    }
  }
}
