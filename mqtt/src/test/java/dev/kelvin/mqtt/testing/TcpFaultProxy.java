package dev.kelvin.mqtt.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay between a client and a real broker that a test can cut, to play a
 * network outage (the one fault proxy of every module's integration tests): {@link #cut()} drops every relayed connection and stops listening, so new
 * attempts are refused, until {@link #restore()} listens again on the same port. The broker
 * sees an abrupt disconnect, as it would when a cable is pulled.
 *
 * <p>(Accepting and at once closing would be simpler, but Paho 1.2.5 then leaks its "MQTT Con"
 * thread, spinning in {@code CommsReceiver.start}, once per attempt.)
 */
public final class TcpFaultProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "tcp-fault-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private volatile ServerSocket server;

  public TcpFaultProxy(String targetHost, int targetPort) throws IOException {
    this.target = new InetSocketAddress(targetHost, targetPort);
    this.server = listen(0);
    this.port = server.getLocalPort();
    threads.execute(() -> acceptLoop(server));
  }

  public int port() {
    return port;
  }

  /** Where a client connects to go through the proxy: {@code tcp://127.0.0.1:port}. */
  public java.net.URI uri() {
    return java.net.URI.create("tcp://127.0.0.1:" + port);
  }

  /** A relay to the broker behind {@code broker}'s address. */
  public static TcpFaultProxy to(java.net.URI broker) throws IOException {
    return new TcpFaultProxy(broker.getHost(), broker.getPort());
  }

  /** Connections accepted so far: each is a client's (re)connect. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** Drops every relayed connection and refuses new ones. */
  public synchronized void cut() {
    closeQuietly(server);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Listens again on the same port. */
  public synchronized void restore() throws IOException {
    server = listen(port);
    ServerSocket current = server;
    threads.execute(() -> acceptLoop(current));
  }

  @Override
  public void close() {
    cut();
    threads.shutdownNow();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void acceptLoop(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        accepted.incrementAndGet();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(upstream);
        threads.execute(() -> pump(client, upstream));
        threads.execute(() -> pump(upstream, client));
      } catch (IOException closed) {
        // The proxy was cut, or the broker refused: the client sees a drop.
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException dropped) {
      // Either side went away; close both below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Already closed.
    }
  }
}
