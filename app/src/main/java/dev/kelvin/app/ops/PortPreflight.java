package dev.kelvin.app.ops;

import dev.kelvin.app.StartupException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Checks, before anything heavy starts, that a port we are told to listen on is free, so that
 * a busy port costs the operator one line and no waiting.
 */
public final class PortPreflight {
  private PortPreflight() {}

  /**
   * @param what what listens there, e.g. "HTTP"
   * @param option the command-line option that chooses the port, e.g. "--http-port"
   * @throws StartupException naming the port and the option when the port is taken
   */
  public static void requireFree(String what, String host, int port, String option) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new StartupException(what + " port " + port + " on " + host
          + " is already in use; choose another with " + option + " (or stop what uses it)");
    }
  }
}
