package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class ExposureTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.5", "::1", "localhost"})
  void listening_on_loopback_warns_of_nothing(String host) {
    assertThat(Exposure.warning(host, 8080)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.1"})
  void listening_where_other_machines_reach_it_is_one_line_naming_the_address(String host) {
    assertThat(Exposure.warning(host, 8080)).hasValueSatisfying(line -> assertThat(line)
        .contains(host + ":8080", "other machines", "127.0.0.1", "dashboard.allowed_hosts")
        .doesNotContain("\n"));
  }

  @Test
  void a_dashboard_started_on_every_interface_logs_the_warning_once() {
    Logger logger = (Logger) LoggerFactory.getLogger(DashboardServer.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try (TestDashboard fixture = new TestDashboard();
        DashboardServer server = DashboardServer.start(
            new DashboardSettings("0.0.0.0", 0, Duration.ofSeconds(1)), fixture.sources())) {
      assertThat(lines.list).filteredOn(line -> line.getLevel() == Level.WARN)
          .extracting(ILoggingEvent::getFormattedMessage).singleElement()
          .satisfies(line -> assertThat(line).contains("0.0.0.0:" + server.port()));
    } finally {
      logger.detachAppender(lines);
    }
  }

  @Test
  void a_dashboard_started_on_loopback_logs_no_warning() {
    Logger logger = (Logger) LoggerFactory.getLogger(DashboardServer.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try (TestDashboard fixture = new TestDashboard()) {
      assertThat(lines.list).noneMatch(line -> line.getLevel() == Level.WARN);
    } finally {
      logger.detachAppender(lines);
    }
  }
}
