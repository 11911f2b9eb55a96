package dev.kelvin.telemetry.store.history;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.port.HistorySource.MetricPoint;
import dev.kelvin.core.port.HistorySource.PowerPoint;
import dev.kelvin.telemetry.store.InfluxSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History read back from the real InfluxDB 1.x of scripts/services.sh, a database per test. */
class InfluxHistoryIT {
  /** On a whole minute: a whole multiple of the 10 s step. */
  private static final Instant T0 = Instant.parse("2026-01-02T10:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(10);
  private static final NodeId A1 = NodeId.of("site-a", "n01");
  private static final NodeId A2 = NodeId.of("site-a", "n02");
  private static final NodeId B1 = NodeId.of("site-b", "n01");

  @TempDir
  Path spoolDir;
  private HistoryDatabase db;
  private InfluxHistory history;

  @BeforeEach
  void fill() {
    db = new HistoryDatabase(spoolDir);
    db.write(sink -> {
      sink.accept(power(A1, 0, 100));
      sink.accept(power(A1, 5, 300));
      sink.accept(power(A2, 1, 50));
      sink.accept(power(B1, 2, 1_000));
      sink.accept(power(A1, 10, 10));
      sink.accept(power(A2, 39, 70));
    });
    history = new InfluxHistory(db.settings());
  }

  @AfterEach
  void drop() {
    history.close();
    db.close();
  }

  private static NodeReading power(NodeId node, int second, double watts) {
    return reading().node(node).at(T0.plusSeconds(second)).seq(second)
        .with(NodeMetric.POWER_WATTS, watts).with(NodeMetric.CPU_TEMP_CELSIUS, 40 + second)
        .build();
  }

  @Test
  void sums_each_nodes_mean_power_per_step_and_leaves_out_steps_without_data() {
    assertThat(history.sitePower(Optional.of(SiteId.of("site-a")), T0, T0.plusSeconds(60), STEP))
        .containsExactly(new PowerPoint(T0, 200 + 50), new PowerPoint(T0.plusSeconds(10), 10),
            new PowerPoint(T0.plusSeconds(30), 70));
  }

  @Test
  void every_site_together_keeps_nodes_of_the_same_name_on_different_sites_apart() {
    assertThat(history.sitePower(Optional.empty(), T0, T0.plusSeconds(20), STEP))
        .containsExactly(new PowerPoint(T0, 200 + 50 + 1_000),
            new PowerPoint(T0.plusSeconds(10), 10));
  }

  @Test
  void a_range_or_a_site_with_no_data_answers_empty() {
    assertThat(history.sitePower(Optional.empty(), T0.minus(Duration.ofDays(1)),
        T0.minus(Duration.ofHours(1)), STEP)).isEmpty();
    assertThat(history.sitePower(Optional.of(SiteId.of("site-z")), T0, T0.plusSeconds(60),
        STEP)).isEmpty();
  }

  @Test
  void the_end_of_the_range_is_left_out() {
    assertThat(history.sitePower(Optional.of(SiteId.of("site-a")), T0, T0.plusSeconds(10),
        STEP)).containsExactly(new PowerPoint(T0, 250));
  }

  @Test
  void node_series_gives_the_mean_of_one_metric_of_one_node_per_step() {
    assertThat(history.nodeSeries(A1, NodeMetric.CPU_TEMP_CELSIUS, T0, T0.plusSeconds(60),
        STEP)).containsExactly(new MetricPoint(T0, 42.5), new MetricPoint(T0.plusSeconds(10),
        50));
  }

  @Test
  void a_wrong_password_is_unavailable_and_never_shows_the_password() {
    String wrong = "not-the-password-" + System.nanoTime();
    try (InfluxHistory refused = new InfluxHistory(db.settings().withLogin(
        db.settings().username().orElseThrow(), wrong))) {
      assertThatThrownBy(() -> refused.sitePower(Optional.empty(), T0, T0.plusSeconds(60),
          STEP)).isInstanceOf(HistorySource.Unavailable.class)
          .hasMessageContaining("database " + db.settings().database())
          .hasMessageNotContaining(wrong);
    }
  }

  @Test
  void a_server_that_does_not_answer_is_unavailable_naming_it() {
    InfluxSettings nothingListens = InfluxSettings.defaults(URI.create("http://127.0.0.1:1"),
        "kelvin", spoolDir);
    try (InfluxHistory down = new InfluxHistory(nothingListens)) {
      assertThatThrownBy(() -> down.sitePower(Optional.empty(), T0, T0.plusSeconds(60), STEP))
          .isInstanceOf(HistorySource.Unavailable.class)
          .hasMessageStartingWith("InfluxDB at 127.0.0.1:1 database kelvin: no answer");
    }
  }
}
