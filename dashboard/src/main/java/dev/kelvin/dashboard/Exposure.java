package dev.kelvin.dashboard;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The one line logged at start when the dashboard listens where other machines can reach it:
 * it has no authentication, so whoever reaches it sees every node, action and metric.
 */
final class Exposure {
  private Exposure() {}

  /** The warning for listening on {@code host}, or empty when only this machine can connect. */
  static Optional<String> warning(String host, int port) {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.getAddress() != null && address.getAddress().isLoopbackAddress()) {
      return Optional.empty();
    }
    return Optional.of("Dashboard listens on " + host + ":" + port + ", which other machines"
        + " can reach, and asks no one to log in: anyone who reaches it sees every node, action"
        + " and metric; set dashboard.host (--http-host) to 127.0.0.1, or put an authenticating"
        + " proxy in front and list its name in dashboard.allowed_hosts");
  }
}
