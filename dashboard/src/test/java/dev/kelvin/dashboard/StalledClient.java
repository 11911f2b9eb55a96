package dev.kelvin.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser tab that stopped reading: it asks for the event stream on a raw socket with a tiny
 * receive buffer and then never reads, so once the socket buffers fill the server's writes to it
 * block, as they would for a real stalled client. It does not close the connection either.
 */
final class StalledClient implements AutoCloseable {
  /** The receive buffer asked for; the kernel rounds it up to its minimum. */
  private static final int RECEIVE_BUFFER_BYTES = 1024;

  private final Socket socket = new Socket();

  StalledClient(URI events) throws IOException {
    socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
    socket.connect(new InetSocketAddress(events.getHost(), events.getPort()), 5_000);
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + events.getRawPath() + " HTTP/1.1\r\n"
        + "Host: " + events.getHost() + ":" + events.getPort() + "\r\n"
        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * Starts reading at last and reads to the end of the stream: returns once the server has closed
   * the connection.
   *
   * @throws java.net.SocketTimeoutException when no byte and no end came within {@code quiet}
   */
  long readToEnd(Duration quiet) throws IOException {
    socket.setSoTimeout((int) quiet.toMillis());
    InputStream in = socket.getInputStream();
    return in.transferTo(OutputStream.nullOutputStream());
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
