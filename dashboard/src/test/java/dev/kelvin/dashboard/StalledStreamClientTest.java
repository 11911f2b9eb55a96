package dev.kelvin.dashboard;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Event stream clients that stop reading without closing the connection: real sockets whose
 * server-side writes block, next to a client that reads. Waits are generous upper limits for a
 * loaded machine; nothing here asserts how fast anything was.
 */
class StalledStreamClientTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Nodes in the cluster: enough that each {@code nodes} event is about 200 KB. */
  private static final int NODES = 600;
  /** Limits under which no client is ever dropped while a test runs. */
  private static final StreamLimits NEVER_DROP = new StreamLimits(32, 1_000_000,
      Duration.ofMinutes(10));

  private static TestDashboard dashboardWith(Duration pushInterval, StreamLimits limits) {
    TestDashboard dashboard = new TestDashboard(pushInterval, limits);
    for (int i = 1; i <= NODES; i++) {
      dashboard.admit(reading().node(String.format("n%04d", i)).build());
    }
    return dashboard;
  }

  private static long nodesBytes(SseProbe probe) {
    return probe.named("nodes").stream().mapToLong(event -> event.data().length()).sum();
  }

  /**
   * More than one stalled socket can buffer, twice over: the kernel's largest TCP send buffer
   * (tcp_wmem's maximum, 4 MiB by default) plus 1 MiB for its receive buffer and Jetty's. Once
   * this much has been pushed to every client, a write to the stalled one has blocked.
   */
  private static long moreThanAStalledSocketHolds() throws IOException {
    Path wmem = Path.of("/proc/sys/net/ipv4/tcp_wmem");
    long sendBufferMaxBytes = 4L << 20;
    if (Files.isReadable(wmem)) {
      String[] fields = Files.readString(wmem).trim().split("\\s+");
      sendBufferMaxBytes = Long.parseLong(fields[fields.length - 1]);
    }
    return 2 * (sendBufferMaxBytes + (1L << 20));
  }

  @Test
  void a_stalled_client_does_not_delay_the_others() throws Exception {
    long stallProofBytes = moreThanAStalledSocketHolds();
    try (TestDashboard dashboard = dashboardWith(Duration.ofMillis(50), NEVER_DROP);
        StalledClient stalled = new StalledClient(dashboard.uri("/api/events"))) {
      await().atMost(WAIT).until(() -> dashboard.server.streamClients() == 1);

      try (SseProbe reading = new SseProbe(dashboard.http, dashboard.uri("/api/events"))) {
        await().atMost(WAIT).until(() -> nodesBytes(reading) > stallProofBytes);

        int seen = reading.named("nodes").size();
        await().atMost(WAIT).until(() -> reading.named("nodes").size() >= seen + 10);
        assertThat(dashboard.server.streamClients())
            .as("the stalled client is still connected, not dropped").isEqualTo(2);
        assertThat(dashboard.server.droppedStreamClients()).isZero();
      }
    }
  }

  @Test
  void a_client_whose_outbox_overflows_is_dropped_counted_and_disconnected() throws Exception {
    StreamLimits smallOutbox = new StreamLimits(32, 32, Duration.ofMinutes(10));
    try (TestDashboard dashboard = dashboardWith(Duration.ofMillis(50), smallOutbox);
        StalledClient stalled = new StalledClient(dashboard.uri("/api/events"))) {
      await().atMost(WAIT).until(() -> dashboard.server.droppedStreamClients() == 1);

      assertThat(dashboard.server.streamClients()).isZero();
      assertThat(stalled.readToEnd(WAIT)).as("bytes buffered before the server hung up")
          .isPositive();
    }
  }

  @Test
  void a_client_whose_write_blocks_past_the_timeout_is_dropped_with_room_left_in_its_outbox()
      throws Exception {
    StreamLimits shortTimeout = new StreamLimits(32, 1_000_000, Duration.ofSeconds(1));
    try (TestDashboard dashboard = dashboardWith(Duration.ofMillis(50), shortTimeout);
        StalledClient stalled = new StalledClient(dashboard.uri("/api/events"))) {
      await().atMost(WAIT).until(() -> dashboard.server.droppedStreamClients() == 1);

      assertThat(dashboard.server.streamClients()).isZero();
      assertThat(stalled.readToEnd(WAIT)).isPositive();
    }
  }

  @Test
  void a_client_that_reads_is_never_dropped() throws Exception {
    try (TestDashboard dashboard = new TestDashboard(Duration.ofMillis(100));
        SseProbe reading = new SseProbe(dashboard.http, dashboard.uri("/api/events"))) {
      dashboard.admit(reading().node("n01").build());

      await().atMost(WAIT).until(() -> reading.named("nodes").size() >= 30);

      assertThat(dashboard.server.droppedStreamClients()).isZero();
      assertThat(dashboard.server.streamClients()).isEqualTo(1);
    }
  }
}
