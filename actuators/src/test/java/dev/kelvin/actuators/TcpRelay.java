package dev.kelvin.actuators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the real broker, so that a test can make the broker "go
 * away" for one client without touching the broker other tests share: {@link #cut()} drops
 * every relayed connection and refuses new ones until {@link #restore()}.
 */
final class TcpRelay implements AutoCloseable {
  private final URI upstream;
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean refusing;

  TcpRelay(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("relay-accept", this::acceptLoop);
  }

  /** The relay's address, with the upstream's scheme. */
  URI url() {
    return URI.create(upstream.getScheme() + "://127.0.0.1:" + server.getLocalPort());
  }

  void cut() {
    refusing = true;
    open.forEach(TcpRelay::closeQuietly);
    open.clear();
  }

  void restore() {
    refusing = false;
  }

  @Override
  public void close() {
    cut();
    closeQuietly(server);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (refusing) {
          closeQuietly(client);
          continue;
        }
        Socket broker = new Socket(upstream.getHost(), upstream.getPort());
        open.add(client);
        open.add(broker);
        daemon("relay-up", () -> pump(client, broker));
        daemon("relay-down", () -> pump(broker, client));
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException closed) {
      // One side went away; the finally block takes the other down with it.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing is best effort in a test relay.
    }
  }
}
