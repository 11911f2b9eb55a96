package dev.kelvin.mqtt.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS server on 127.0.0.1 that takes one connection, completes the handshake (asking for,
 * not requiring, a client certificate) and reports the client certificate's subject, or
 * {@code "none"}.
 */
final class TlsLoopback implements AutoCloseable {
  private final SSLServerSocket server;
  private final CompletableFuture<String> clientSubject = new CompletableFuture<>();

  TlsLoopback(SSLContext serverContext) throws IOException {
    server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1,
        InetAddress.getLoopbackAddress());
    server.setWantClientAuth(true);
    Thread thread = new Thread(this::serveOne, "tls-loopback");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connects to this server as Paho does, hostname verification on, and shakes hands. */
  void handshake(SSLSocketFactory factory, String host) throws IOException {
    try (SSLSocket socket = (SSLSocket) factory.createSocket(host, port())) {
      SSLParameters parameters = new SSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      socket.getOutputStream().write(1);
      socket.getOutputStream().flush();
    }
  }

  /** The subject of the certificate the client showed, or {@code "none"}. */
  String clientSubject() throws Exception {
    return clientSubject.get(20, TimeUnit.SECONDS);
  }

  private void serveOne() {
    try (SSLSocket socket = (SSLSocket) server.accept()) {
      socket.startHandshake();
      socket.getInputStream().read();
      clientSubject.complete(subject(socket));
    } catch (IOException | RuntimeException e) {
      clientSubject.completeExceptionally(e);
    }
  }

  private static String subject(SSLSocket socket) {
    try {
      return socket.getSession().getPeerPrincipal().getName();
    } catch (SSLPeerUnverifiedException e) {
      return "none";
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
