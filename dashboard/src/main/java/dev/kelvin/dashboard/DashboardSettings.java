package dev.kelvin.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the dashboard listens, how often it pushes live updates to open pages, which names it
 * answers to and how long it waits for a client.
 *
 * @param host the address to listen on; {@code 127.0.0.1} keeps it to this machine
 * @param port the TCP port, 1-65535, or 0 for any free port (tests)
 * @param pushInterval how often open pages get fresh nodes, summary and new actions
 * @param allowedHosts names accepted in a request's {@code Host} header besides the built-in
 *     ones ({@link HostCheck}): {@code name} for any port, {@code name:port} for that port only
 * @param requestTimeout how long a client may take to send a whole request (line, headers and
 *     body) before its connection is closed; a connection must send its first request within it
 * @param idleTimeout how long a connection may stay silent (no byte either way) between
 *     requests, or while a read or write is pending, before Jetty closes it; an open event stream
 *     waiting for its next push is not idle
 */
public record DashboardSettings(String host, int port, Duration pushInterval,
    List<String> allowedHosts, Duration requestTimeout, Duration idleTimeout) {
  /** The shortest push interval accepted: faster only burns CPU on snapshots. */
  public static final Duration MIN_PUSH_INTERVAL = Duration.ofMillis(10);
  /** Ten seconds to send a request: a browser's take milliseconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** Jetty's own default. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** The shortest request and idle timeouts accepted. */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

  public DashboardSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(pushInterval, "pushInterval");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    allowedHosts = List.copyOf(allowedHosts);
    if (host.isBlank()) {
      throw new IllegalArgumentException("dashboard host must not be blank: use 127.0.0.1 for"
          + " this machine only or 0.0.0.0 for every interface");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("dashboard port must be within 0..65535, was " + port
          + " (0 picks any free port)");
    }
    if (pushInterval.compareTo(MIN_PUSH_INTERVAL) < 0) {
      throw new IllegalArgumentException("dashboard pushInterval must be at least "
          + MIN_PUSH_INTERVAL.toMillis() + " ms, was " + pushInterval
          + " (seconds given where milliseconds were meant?)");
    }
    requireTimeout("requestTimeout", requestTimeout);
    requireTimeout("idleTimeout", idleTimeout);
    allowedHosts.forEach(HostCheck::requireValidEntry);
  }

  /** As the canonical constructor, with no extra allowed hosts and the default timeouts. */
  public DashboardSettings(String host, int port, Duration pushInterval) {
    this(host, port, pushInterval, List.of(), DEFAULT_REQUEST_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
  }

  /** 127.0.0.1:8080, pushing every second. */
  public static DashboardSettings defaults() {
    return new DashboardSettings("127.0.0.1", 8080, Duration.ofSeconds(1));
  }

  public DashboardSettings withPort(int newPort) {
    return new DashboardSettings(host, newPort, pushInterval, allowedHosts, requestTimeout,
        idleTimeout);
  }

  public DashboardSettings withPushInterval(Duration interval) {
    return new DashboardSettings(host, port, interval, allowedHosts, requestTimeout,
        idleTimeout);
  }

  public DashboardSettings withAllowedHosts(List<String> names) {
    return new DashboardSettings(host, port, pushInterval, names, requestTimeout, idleTimeout);
  }

  public DashboardSettings withTimeouts(Duration request, Duration idle) {
    return new DashboardSettings(host, port, pushInterval, allowedHosts, request, idle);
  }

  private static void requireTimeout(String name, Duration timeout) {
    if (timeout.compareTo(MIN_TIMEOUT) < 0) {
      throw new IllegalArgumentException("dashboard " + name + " must be at least "
          + MIN_TIMEOUT.toMillis() + " ms, was " + timeout.toMillis()
          + " ms (milliseconds given where seconds were meant?)");
    }
  }
}
