package dev.kelvin.dashboard;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that the dashboard can listen on its address before Jetty tries, so that a busy port
 * becomes one clear line instead of a Jetty stack trace.
 */
final class PortCheck {
  private PortCheck() {}

  /**
   * Returns when {@code host:port} can be bound now (port 0: when the host is of this machine).
   *
   * @throws DashboardServer.PortInUseException when another process listens there
   * @throws IllegalArgumentException when the host is unknown or not of this machine
   */
  static void requireFree(String host, int port) {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("dashboard host '" + host + "' cannot be resolved:"
          + " use an address of this machine such as 127.0.0.1 or 0.0.0.0");
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(address);
    } catch (BindException e) {
      if (port != 0 && isInUse(e)) {
        throw new DashboardServer.PortInUseException(host, port);
      }
      throw new IllegalArgumentException("dashboard cannot listen on " + host + ":" + port + ": "
          + e.getMessage() + " (is " + host + " an address of this machine? ports below 1024"
          + " need root)");
    } catch (IOException e) {
      throw new IllegalStateException("dashboard cannot check " + host + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  /** Whether {@code failure} or one of its causes says the address is already in use. */
  static boolean isInUse(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (cause instanceof BindException && message != null && message.contains("in use")) {
        return true;
      }
    }
    return false;
  }
}
