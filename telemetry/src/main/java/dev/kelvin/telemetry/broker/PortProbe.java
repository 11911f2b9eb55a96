package dev.kelvin.telemetry.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Finds out, before HiveMQ tries, whether a port can be listened on: HiveMQ's own failure on
 * a busy port is unclear. Binds a server socket briefly and lets it go.
 */
final class PortProbe {
  private PortProbe() {}

  /**
   * Returns {@code port} when it is free on {@code host}, or a free port when {@code port} is 0.
   *
   * @throws EmbeddedBroker.PortInUseException when something already listens there
   * @throws BrokerException when {@code host} is not an address of this machine
   */
  static int claim(String host, int port) {
    InetAddress address = localAddress(host);
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(address, port));
      return socket.getLocalPort();
    } catch (BindException busy) {
      throw new EmbeddedBroker.PortInUseException(host, port, busy);
    } catch (IOException failed) {
      throw new BrokerException("cannot listen on " + host + ":" + port + ": " + failed, failed);
    }
  }

  private static InetAddress localAddress(String host) {
    try {
      InetAddress address = InetAddress.getByName(host);
      if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()
          && NetworkInterface.getByInetAddress(address) == null) {
        throw new BrokerException("broker host " + host + " (" + address.getHostAddress()
            + ") is not an address of this machine: use 127.0.0.1 or one of its own addresses");
      }
      return address;
    } catch (UnknownHostException | SocketException unknown) {
      throw new BrokerException("broker host '" + host + "' cannot be resolved: " + unknown
          + " (use 127.0.0.1 for loopback)", unknown);
    }
  }
}
