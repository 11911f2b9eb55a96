package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's HTTP surface as a hostile or broken client meets it: the real server on a free
 * port, spoken to over raw sockets (any Host header, requests sent a byte at a time, streams left
 * open) next to a well-behaved client. Waits are generous upper limits for a loaded machine; the
 * only timing asserted is that nothing is cut before its deadline and everything soon after.
 */
class DashboardHttpIT {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  /** The deadline, plus sweeps and a loaded machine: a slow client must be gone by then. */
  private static final Duration CUT_WITHIN = REQUEST_TIMEOUT.plusSeconds(4);
  private static final Duration DRIP = Duration.ofMillis(100);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int MAX_STREAMS = 2;

  private final TestDashboard dashboard = new TestDashboard(
      new DashboardSettings("127.0.0.1", 0, Duration.ofMillis(100))
          .withTimeouts(REQUEST_TIMEOUT, Duration.ofSeconds(30)),
      new StreamLimits(MAX_STREAMS, 64, Duration.ofSeconds(5)));
  private final List<RawHttp> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (RawHttp socket : sockets) {
      socket.close();
    }
    dashboard.close();
  }

  private RawHttp connect(Duration readTimeout) throws IOException {
    RawHttp socket = new RawHttp(dashboard.server.uri(), readTimeout);
    sockets.add(socket);
    return socket;
  }

  private String ownHost() {
    return "127.0.0.1:" + dashboard.server.port();
  }

  private RawHttp.Head get(String path, String host, String... headerLines) throws IOException {
    RawHttp socket = connect(Duration.ofSeconds(10));
    socket.send(RawHttp.get(path, host, headerLines));
    return socket.readHead();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/api/nodes", "/api/events", "/metrics", "/health"})
  void a_foreign_host_is_refused_with_421_on_the_page_the_api_and_the_event_stream(String path)
      throws Exception {
    RawHttp.Head head = get(path, "attacker.example:" + dashboard.server.port(),
        "Accept: text/event-stream, application/json, text/html");

    assertThat(head.status()).isEqualTo(421);
    assertThat(head.header("Content-Type")).startsWith("application/json");
    assertThat(dashboard.server.stats().refused(Refusal.FOREIGN_HOST)).isEqualTo(1);
    assertThat(dashboard.server.streamClients()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]"})
  void this_machines_own_names_are_served_with_and_without_the_port(String name)
      throws Exception {
    assertThat(get("/api/nodes", name).status()).isEqualTo(200);
    assertThat(get("/api/nodes", name + ":" + dashboard.server.port()).status()).isEqualTo(200);
    assertThat(dashboard.server.stats().refused(Refusal.FOREIGN_HOST)).isZero();
  }

  @Test
  void every_answer_carries_the_security_headers_the_event_stream_included() throws Exception {
    List<RawHttp.Head> heads = List.of(get("/", ownHost()), get("/app.js", ownHost()),
        get("/api/nodes", ownHost()), get("/no-such-page", ownHost()),
        get("/api/events", ownHost(), "Accept: text/event-stream"),
        get("/api/nodes", "attacker.example"));

    assertThat(heads).extracting(RawHttp.Head::status).containsExactly(200, 200, 200, 404, 200,
        421);
    for (RawHttp.Head head : heads) {
      assertThat(head.header("Content-Security-Policy"))
          .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(head.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(head.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(head.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
    assertThat(heads.get(4).header("Content-Type")).startsWith("text/event-stream");
  }

  @Test
  void a_request_sent_a_byte_at_a_time_is_cut_off_after_the_deadline_while_others_are_served()
      throws Exception {
    RawHttp slow = connect(DRIP);
    long started = System.nanoTime();
    slow.send("GET /api/nodes HTTP/1.1\r\nHost: " + ownHost() + "\r\nX-Slow: ");

    Duration cutAfter = dripUntilClosed(slow, started, () -> {
      HttpResponse<String> served = dashboard.get("/api/nodes");
      assertThat(served.statusCode()).as("a well-behaved client meanwhile").isEqualTo(200);
      return null;
    });

    assertThat(cutAfter).isGreaterThanOrEqualTo(REQUEST_TIMEOUT).isLessThan(CUT_WITHIN);
    assertThat(dashboard.server.stats().refused(Refusal.SLOW_REQUEST)).isEqualTo(1);
    assertThat(dashboard.get("/api/nodes").statusCode()).isEqualTo(200);
  }

  @Test
  void a_second_request_on_a_kept_alive_connection_has_the_same_deadline() throws Exception {
    RawHttp client = connect(DRIP);
    client.send(RawHttp.get("/health", ownHost()));
    RawHttp.Head first = client.readHead();
    assertThat(first.status()).isEqualTo(200);
    client.readBody(Integer.parseInt(first.header("Content-Length")));

    long started = System.nanoTime();
    client.send("GET /api/nodes HTTP/1.1\r\nHost: " + ownHost() + "\r\nX-Slow: ");
    Duration cutAfter = dripUntilClosed(client, started, () -> null);

    assertThat(cutAfter).isGreaterThanOrEqualTo(REQUEST_TIMEOUT).isLessThan(CUT_WITHIN);
    assertThat(dashboard.server.stats().refused(Refusal.SLOW_REQUEST)).isEqualTo(1);
  }

  @Test
  void a_connection_that_sends_nothing_is_closed_after_the_deadline_not_the_idle_timeout()
      throws Exception {
    RawHttp silent = connect(CUT_WITHIN);
    long started = System.nanoTime();

    assertThat(silent.closedByServer()).as("closed within " + CUT_WITHIN).isTrue();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(REQUEST_TIMEOUT);
    assertThat(dashboard.server.stats().refused(Refusal.SLOW_REQUEST)).isEqualTo(1);
  }

  @Test
  void an_event_stream_outlives_the_request_deadline() throws Exception {
    try (SseProbe probe = new SseProbe(dashboard.http, dashboard.uri("/api/events"))) {
      await().atMost(WAIT).until(() -> probe.named("nodes").size() >= 2);
      Thread.sleep(REQUEST_TIMEOUT.multipliedBy(3).toMillis());
      int seen = probe.named("nodes").size();

      await().atMost(WAIT).until(() -> probe.named("nodes").size() > seen + 5);
      assertThat(probe.ended).isFalse();
      assertThat(dashboard.server.stats().refused(Refusal.SLOW_REQUEST)).isZero();
    }
  }

  @Test
  void a_stream_beyond_the_bound_gets_503_and_a_freed_slot_is_given_again() throws Exception {
    RawHttp first = openStream();
    openStream();
    await().atMost(WAIT).until(() -> dashboard.server.streamClients() == MAX_STREAMS);

    RawHttp.Head refused = get("/api/events", ownHost(), "Accept: text/event-stream");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("10");
    assertThat(dashboard.server.stats().refused(Refusal.STREAM_LIMIT)).isEqualTo(1);
    assertThat(dashboard.server.stats().openStreams()).isEqualTo(MAX_STREAMS);

    first.close();
    await().atMost(WAIT).until(() -> dashboard.server.streamClients() == MAX_STREAMS - 1);
    openStream();
    await().atMost(WAIT).until(() -> dashboard.server.streamClients() == MAX_STREAMS);
  }

  @Test
  void the_stream_bound_holds_when_many_clients_connect_at_once() throws Exception {
    int clients = 8;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        statuses.add(pool.submit(() ->
            get("/api/events", ownHost(), "Accept: text/event-stream").status()));
      }
      int accepted = 0;
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isIn(200, 503);
        accepted += status.get() == 200 ? 1 : 0;
        assertThat(dashboard.server.streamClients()).isLessThanOrEqualTo(MAX_STREAMS);
      }

      assertThat(accepted).isGreaterThanOrEqualTo(MAX_STREAMS);
      await().atMost(WAIT).until(() -> dashboard.server.streamClients() == MAX_STREAMS);
      // One that passed the first check together with others is refused once its 200 is out.
      await().atMost(WAIT).until(() -> dashboard.server.stats().refused(Refusal.STREAM_LIMIT)
          == clients - MAX_STREAMS);
      assertThat(dashboard.server.streamClients()).isEqualTo(MAX_STREAMS);
    } finally {
      pool.shutdownNow();
    }
  }

  private RawHttp openStream() throws IOException {
    RawHttp stream = connect(Duration.ofSeconds(10));
    stream.send(RawHttp.get("/api/events", ownHost(), "Accept: text/event-stream"));
    assertThat(stream.readHead().status()).isEqualTo(200);
    return stream;
  }

  /**
   * Sends one more header byte each {@link #DRIP} (running {@code meanwhile} each time) until
   * the server closes the connection; returns how long after {@code startedNanos} that was.
   */
  private static Duration dripUntilClosed(RawHttp client, long startedNanos,
      Callable<Void> meanwhile) throws Exception {
    long giveUp = startedNanos + CUT_WITHIN.plus(WAIT).toNanos();
    while (System.nanoTime() < giveUp) {
      try {
        client.send("x");
      } catch (IOException closed) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
      }
      if (client.closedByServer()) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
      }
      meanwhile.call();
    }
    throw new AssertionError("the server kept a request sent a byte at a time open for "
        + CUT_WITHIN.plus(WAIT));
  }
}
