package dev.kelvin.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a raw socket, for what a polite client cannot do: any {@code Host} header, a
 * request sent a few bytes at a time, a connection that sends nothing.
 */
final class RawHttp implements AutoCloseable {
  /** A response's status and headers (names lower case); the body is left unread. */
  record Head(int status, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket = new Socket();
  private final InputStream in;

  RawHttp(URI server, Duration readTimeout) throws IOException {
    socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
    socket.setSoTimeout((int) readTimeout.toMillis());
    in = socket.getInputStream();
  }

  /** A GET of {@code path} with {@code host} as its Host header and the given extra lines. */
  static String get(String path, String host, String... headerLines) {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host
        + "\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    return request.append("\r\n").toString();
  }

  void send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Reads the status line and headers. */
  Head readHead() throws IOException {
    String[] lines = readUntilBlankLine().split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    return new Head(status, headers);
  }

  /** Reads {@code length} bytes of body. */
  String readBody(int length) throws IOException {
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /**
   * Whether the server has closed the connection: reads until the end of the stream (or a
   * reset) and returns true, or false when the read timeout passed first.
   */
  boolean closedByServer() throws IOException {
    try {
      while (in.read() >= 0) {
        // Whatever the server sent before closing.
      }
      return true;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  private String readUntilBlankLine() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + head.size() + " bytes of head: "
            + head.toString(StandardCharsets.US_ASCII));
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    return text.substring(0, text.length() - 4);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
