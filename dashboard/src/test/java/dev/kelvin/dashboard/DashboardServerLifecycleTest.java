package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardServerLifecycleTest {

  private static DashboardSettings on(int port) {
    return new DashboardSettings("127.0.0.1", port, Duration.ofMillis(100));
  }

  @Test
  void a_busy_port_is_reported_in_one_line_naming_host_and_port() throws Exception {
    try (TestDashboard fixture = new TestDashboard();
        ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> DashboardServer.start(on(port), fixture.sources()))
          .isInstanceOfSatisfying(DashboardServer.PortInUseException.class, e -> {
            assertThat(e.port()).isEqualTo(port);
            assertThat(e.host()).isEqualTo("127.0.0.1");
            assertThat(e.getMessage())
                .isEqualTo("HTTP port " + port + " on 127.0.0.1 is already in use");
            assertThat(e.getCause()).isNull();
          });
    }
  }

  @Test
  void a_port_held_by_another_dashboard_is_reported_as_in_use() {
    try (TestDashboard first = new TestDashboard()) {
      int port = first.server.port();

      assertThatThrownBy(() -> DashboardServer.start(on(port), first.sources()))
          .isInstanceOf(DashboardServer.PortInUseException.class)
          .hasMessageContaining("HTTP port " + port);
    }
  }

  @Test
  void close_frees_the_port_and_can_be_called_twice() throws Exception {
    TestDashboard fixture = new TestDashboard();
    int port = fixture.server.port();
    assertThat(fixture.get("/api/nodes").statusCode()).isEqualTo(200);

    fixture.close();
    fixture.close();

    try (ServerSocket again = new ServerSocket()) {
      again.setReuseAddress(true);
      again.bind(new InetSocketAddress("127.0.0.1", port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void a_fixed_port_is_used_and_named_in_the_uri() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    try (TestDashboard fixture = new TestDashboard();
        DashboardServer server = DashboardServer.start(on(free), fixture.sources())) {
      assertThat(server.port()).isEqualTo(free);
      assertThat(server.uri()).hasToString("http://127.0.0.1:" + free + "/");
    }
  }

  @Test
  void port_zero_picks_a_free_port() {
    try (TestDashboard fixture = new TestDashboard()) {
      assertThat(fixture.server.port()).isPositive();
      assertThat(fixture.server.uri().getPort()).isEqualTo(fixture.server.port());
    }
  }

  @Test
  void a_host_that_is_not_of_this_machine_is_refused_with_a_message_naming_it() {
    try (TestDashboard fixture = new TestDashboard()) {
      DashboardSettings settings = new DashboardSettings("192.0.2.1", 0, Duration.ofSeconds(1));

      assertThatThrownBy(() -> DashboardServer.start(settings, fixture.sources()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("192.0.2.1")
          .hasMessageContaining("an address of this machine");
    }
  }
}
