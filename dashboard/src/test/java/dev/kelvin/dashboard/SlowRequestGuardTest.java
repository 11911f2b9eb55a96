package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.dashboard.RequestWatch.Phase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.junit.jupiter.api.Test;

/**
 * What Jetty's own HTTP/1.1 parser, fed part of a request, says a connection is doing. The
 * handler stops at the end of the headers, as Jetty's connection does: the body is parsed only
 * as the application reads it.
 */
class SlowRequestGuardTest {
  private final HttpParser parser = new HttpParser(new StopAtHeaders());

  private Phase after(String bytes, long headersDone) {
    parser.parseNext(ByteBuffer.wrap(bytes.getBytes(StandardCharsets.US_ASCII)));
    return SlowRequestGuard.phase(parser, headersDone);
  }

  @Test
  void a_connection_that_sent_nothing_is_sending_its_first_request() {
    assertThat(SlowRequestGuard.phase(parser, 0)).isEqualTo(Phase.HEADERS);
  }

  @Test
  void a_partial_request_line_or_header_is_headers() {
    assertThat(after("GE", 0)).isEqualTo(Phase.HEADERS);
    assertThat(after("T /api/nodes HTTP/1.1\r\nHost: local", 0)).isEqualTo(Phase.HEADERS);
  }

  @Test
  void a_request_without_a_body_is_idle_once_its_headers_are_in() {
    assertThat(after("GET /api/events HTTP/1.1\r\nHost: localhost\r\n\r\n", 1))
        .isEqualTo(Phase.IDLE);
  }

  @Test
  void a_request_with_body_left_to_read_is_body() {
    assertThat(after("POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n", 1))
        .isEqualTo(Phase.BODY);
  }

  @Test
  void a_chunked_body_is_body() {
    assertThat(after("POST /x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n",
        1)).isEqualTo(Phase.BODY);
  }

  @Test
  void between_requests_a_connection_is_idle() {
    assertThat(SlowRequestGuard.phase(parser, 1)).isEqualTo(Phase.IDLE);
  }

  @Test
  void sweeps_ten_times_per_timeout_between_10_ms_and_a_second() {
    assertThat(new SlowRequestGuard(Duration.ofSeconds(10), null).sweepPeriod())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(new SlowRequestGuard(Duration.ofMillis(500), null).sweepPeriod())
        .isEqualTo(Duration.ofMillis(50));
    assertThat(new SlowRequestGuard(Duration.ofMillis(100), null).sweepPeriod())
        .isEqualTo(Duration.ofMillis(10));
  }

  /** Takes the request apart and stops once its headers are complete. */
  private static final class StopAtHeaders implements HttpParser.RequestHandler {
    @Override
    public void startRequest(String method, String uri, HttpVersion version) {}

    @Override
    public void parsedHeader(HttpField field) {}

    @Override
    public boolean headerComplete() {
      return true;
    }

    @Override
    public boolean content(ByteBuffer content) {
      return true;
    }

    @Override
    public boolean contentComplete() {
      return false;
    }

    @Override
    public boolean messageComplete() {
      return true;
    }

    @Override
    public void earlyEOF() {}
  }
}
