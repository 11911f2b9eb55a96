package dev.kelvin.dashboard;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.dashboard.RequestWatch.Phase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Closes connections that send their request too slowly (slowloris): Jetty's idle timeout only
 * bounds silence, so a client sending a byte every few seconds could hold a connection for
 * ever. Every connection of the dashboard's connector is watched from open to close; each
 * {@link #sweep} samples its HTTP/1.1 parser, and one that has been sending the same request
 * (line, headers and body), or nothing at all since it opened, for longer than the request
 * timeout is closed, counted and logged at most once a minute. An answer in progress, such as an
 * event stream, is not a request being sent and is never cut.
 *
 * <p>Jetty 12 has no deadline for receiving a request: its {@code minRequestDataRate} applies
 * only to a servlet reading a body, and the dashboard reads none. The parser's state is read
 * through {@code HttpConnection}, in Jetty's {@code internal} package; {@code DashboardHttpIT}
 * fails should an upgrade change it.
 */
final class SlowRequestGuard implements Connection.Listener {
  /** Sweeps at least this often, and at most ten times per timeout. */
  private static final Duration MAX_SWEEP_PERIOD = Duration.ofSeconds(1);

  private final Duration timeout;
  private final LiveViews views;
  private final Map<HttpConnection, RequestWatch> open = new ConcurrentHashMap<>();
  private final AtomicLong cut = new AtomicLong();

  SlowRequestGuard(Duration timeout, LiveViews views) {
    this.timeout = timeout;
    this.views = views;
  }

  /** Sweeps every {@link #sweepPeriod()} on {@code scheduler} until the task is cancelled. */
  Scheduler.Task sweepOn(Scheduler scheduler) {
    return scheduler.every("dashboard slow requests", sweepPeriod(), sweepPeriod(), this::sweep);
  }

  /** How often {@link #sweep} should run: a tenth of the timeout, 10 ms to 1 s. */
  Duration sweepPeriod() {
    long millis = Math.max(10, Math.min(MAX_SWEEP_PERIOD.toMillis(), timeout.toMillis() / 10));
    return Duration.ofMillis(millis);
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.put(http, new RequestWatch(System.nanoTime()));
    }
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /** Closes every connection whose request has been arriving for longer than the timeout. */
  void sweep() {
    long now = System.nanoTime();
    open.forEach((connection, watch) -> {
      long headersDone = connection.getMessagesIn();
      Phase phase = phase(connection.getParser(), headersDone);
      if (watch.receivingNanos(phase, headersDone, now) > timeout.toNanos()) {
        cutOff(connection);
      }
    });
  }

  /** Connections closed since start for sending their request too slowly. */
  long cutCount() {
    return cut.get();
  }

  /** Connections open now (for tests). */
  int openCount() {
    return open.size();
  }

  /**
   * What the parser says the connection is doing. Jetty parses a body only as the application
   * reads it, so a parser in a content state with nothing left to read (a request without a
   * body, answered by an event stream) is idle.
   */
  static Phase phase(HttpParser parser, long headersDone) {
    HttpParser.State state = parser.getState();
    if (state == HttpParser.State.START) {
      return headersDone == 0 ? Phase.HEADERS : Phase.IDLE;
    }
    if (state.ordinal() <= HttpParser.State.HEADER.ordinal()) {
      return Phase.HEADERS;
    }
    if (state.ordinal() >= HttpParser.State.END.ordinal()) {
      return Phase.IDLE;
    }
    boolean bodyLeft = parser.isChunking() || parser.getContentRead() < parser.getContentLength();
    return bodyLeft ? Phase.BODY : Phase.IDLE;
  }

  private void cutOff(HttpConnection connection) {
    if (open.remove(connection) == null) {
      return;
    }
    Object remote = connection.getEndPoint().getRemoteSocketAddress();
    long total = cut.incrementAndGet();
    connection.getEndPoint().close(new TimeoutException("request not received within "
        + timeout.toMillis() + " ms"));
    views.warn("slow request", "dashboard closed a connection from " + remote + " that took"
        + " more than " + timeout.toMillis() + " ms to send its request (a slow or stalled"
        + " client, or a slowloris attack?); " + total + " closed since start");
  }
}
