package dev.kelvin.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.backlog.BacklogSettings;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.IngestWorker;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The controller's own backlog on /metrics and in the status line. */
class BacklogMetricsTest {
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final Topics TOPICS = Topics.defaults();

  private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.START);
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final IngestWorker worker = new IngestWorker(new IngestPipeline(
      new TelemetryDecoder(TOPICS, 65_536), state, new IngestCounters(), (reading, at) -> { },
      scheduler.clock(), Duration.ofMinutes(1)), BacklogSettings.defaults(),
      Duration.ofSeconds(10), 100, scheduler, Duration.ofMinutes(1));
  private final KelvinMetrics metrics = new KelvinMetrics();

  @Test
  void waiting_readings_and_their_age_are_on_metrics() throws Exception {
    BacklogMetrics.bind(metrics.registry(), worker);
    receive(1, scheduler.now());
    receive(2, scheduler.now().plusMillis(1));

    assertThat(metrics.scrape()).contains("kelvin_ingest_backlog_readings 2.0")
        .contains("kelvin_ingest_unacknowledged_messages 2.0")
        .contains("kelvin_ingest_backlog_seconds 0.0")
        .contains("kelvin_ingest_shed_total{reason=\"superseded\"} 0.0")
        .contains("kelvin_controller_blind 0.0");
    scheduler.runDue();
    assertThat(metrics.scrape()).contains("kelvin_ingest_backlog_readings 0.0")
        .contains("kelvin_ingest_unacknowledged_messages 0.0")
        .contains("kelvin_ingest_arrival_lag_seconds 0.0");
  }

  @Test
  void readings_the_broker_held_back_show_as_arrival_lag_and_blindness() throws Exception {
    BacklogMetrics.bind(metrics.registry(), worker);
    receive(1, scheduler.now().minusSeconds(8));
    scheduler.runDue();

    assertThat(metrics.scrape()).contains("kelvin_ingest_arrival_lag_seconds 8.0")
        .contains("kelvin_controller_blind 1.0");
  }

  @Test
  void the_status_line_says_when_the_controller_is_blind() {
    TickReport tick = new TickReport(MutableClock.START, ClusterSummary.of(
        ClusterSnapshot.empty(MutableClock.START)), List.of(), 0, 0, 0, 0, 0, 0, 1, List.of(),
        Duration.ZERO, Optional.of("readings reach the controller 12.0 s after they were taken"));

    assertThat(StatusLine.of(tick, 0, new IngestCounters().stats())).endsWith("; BLIND,"
        + " decisions held: readings reach the controller 12.0 s after they were taken");
  }

  private void receive(long seq, Instant at) throws Exception {
    worker.received(TOPICS.nodeTelemetry(N01), new ObjectMapper().writeValueAsBytes(
        TelemetryWire.encode(Readings.reading().node(N01).at(at).seq(seq).build())),
        scheduler.now(), () -> { });
  }
}
