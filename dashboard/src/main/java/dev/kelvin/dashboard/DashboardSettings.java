package dev.kelvin.dashboard;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the dashboard listens and how often it pushes live updates to open pages.
 *
 * @param host the address to listen on; {@code 127.0.0.1} keeps it to this machine
 * @param port the TCP port, 1-65535, or 0 for any free port (tests)
 * @param pushInterval how often open pages get fresh nodes, summary and new actions
 */
public record DashboardSettings(String host, int port, Duration pushInterval) {
  /** The shortest push interval accepted: faster only burns CPU on snapshots. */
  public static final Duration MIN_PUSH_INTERVAL = Duration.ofMillis(10);

  public DashboardSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(pushInterval, "pushInterval");
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
  }

  /** 127.0.0.1:8080, pushing every second. */
  public static DashboardSettings defaults() {
    return new DashboardSettings("127.0.0.1", 8080, Duration.ofSeconds(1));
  }

  public DashboardSettings withPort(int newPort) {
    return new DashboardSettings(host, newPort, pushInterval);
  }

  public DashboardSettings withPushInterval(Duration interval) {
    return new DashboardSettings(host, port, interval);
  }
}
