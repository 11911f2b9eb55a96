package dev.kelvin.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.port.HistorySource.MetricPoint;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link HistorySource} keeps for a node's series, per step: the mean
 * ({@code nodeSeries}) and the last value ({@code nodeLast}), and for the nodes' failures
 * ({@code nodeFailures}). Extend it in an implementation's test: {@link #storing} returns a
 * source that holds exactly the readings given, {@link #storingChanges} one that holds exactly
 * the changes of availability given (each written through the real store for InfluxDB), and
 * {@link #t0()} may move them to a time the backend keeps. Steps are 10 s; {@link #t0()} must be
 * a whole minute.
 */
public abstract class HistorySourceContract {
  protected static final Duration STEP = Duration.ofSeconds(10);
  protected static final NodeId A1 = NodeId.of("site-a", "n01");
  protected static final NodeId B1 = NodeId.of("site-b", "n01");
  private static final NodeMetric ERRORS = NodeMetric.ECC_CORRECTABLE_TOTAL;

  /** One reading to store: one metric of one node at one instant. */
  public record Stored(NodeId node, NodeMetric metric, Instant at, double value) {
    public Stored {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(at, "at");
    }
  }

  /** A source holding {@code readings} and nothing else. */
  protected abstract HistorySource storing(List<Stored> readings);

  /** A source holding the nodes' changes of availability {@code changes} and nothing else. */
  protected abstract HistorySource storingChanges(List<NodeAvailability> changes);

  /** Where the readings start, a whole minute; a fixed instant unless the backend needs another. */
  protected Instant t0() {
    return Instant.parse("2024-05-01T12:00:00Z");
  }

  private Stored errors(NodeId node, int second, double count) {
    return new Stored(node, ERRORS, t0().plusSeconds(second), count);
  }

  /** Corrected errors of A1 at 0, 3, 9 (step 0), 12 (step 10) and 35 s (step 30). */
  private HistorySource counted() {
    return storing(List.of(errors(A1, 0, 5), errors(A1, 3, 7), errors(A1, 9, 8),
        errors(A1, 12, 9), errors(A1, 35, 12)));
  }

  private MetricPoint point(int second, double value) {
    return new MetricPoint(t0().plusSeconds(second), value);
  }

  @Test
  void node_last_gives_the_latest_value_of_each_step_stamped_with_the_steps_start() {
    assertThat(counted().nodeLast(A1, ERRORS, t0(), t0().plusSeconds(60), STEP))
        .as("step 20 has no reading: no point, never a zero")
        .containsExactly(point(0, 8), point(10, 9), point(30, 12));
  }

  @Test
  void node_series_gives_the_mean_of_each_step_with_data() {
    assertThat(counted().nodeSeries(A1, ERRORS, t0(), t0().plusSeconds(60), STEP))
        .containsExactly(point(0, 20.0 / 3), point(10, 9), point(30, 12));
  }

  @Test
  void node_last_rounds_from_down_to_a_whole_step_and_leaves_out_the_end() {
    assertThat(counted().nodeLast(A1, ERRORS, t0().plusSeconds(4), t0().plusSeconds(30), STEP))
        .containsExactly(point(0, 8), point(10, 9));
  }

  @Test
  void node_last_keeps_other_metrics_and_nodes_of_the_same_name_on_other_sites_apart() {
    HistorySource source = storing(List.of(errors(A1, 1, 5), errors(B1, 2, 500),
        new Stored(A1, NodeMetric.ECC_UNCORRECTABLE_TOTAL, t0().plusSeconds(3), 1)));

    assertThat(source.nodeLast(A1, ERRORS, t0(), t0().plusSeconds(10), STEP))
        .containsExactly(point(0, 5));
    assertThat(source.nodeLast(B1, ERRORS, t0(), t0().plusSeconds(10), STEP))
        .containsExactly(point(0, 500));
    assertThat(source.nodeLast(A1, NodeMetric.ECC_UNCORRECTABLE_TOTAL, t0(),
        t0().plusSeconds(10), STEP)).containsExactly(point(0, 1));
  }

  @Test
  void node_last_of_a_range_or_a_node_without_data_answers_empty() {
    HistorySource source = counted();

    assertThat(source.nodeLast(A1, ERRORS, t0().minus(Duration.ofHours(1)),
        t0().minusSeconds(600), STEP)).isEmpty();
    assertThat(source.nodeLast(NodeId.of("site-a", "n99"), ERRORS, t0(), t0().plusSeconds(60),
        STEP)).isEmpty();
  }

  @Test
  void node_last_refuses_a_range_of_too_many_steps_naming_the_limit() {
    HistorySource source = storing(List.of());

    assertThatThrownBy(() -> source.nodeLast(A1, ERRORS, t0(), t0().plus(Duration.ofDays(2)),
        STEP)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17280 points");
  }

  private NodeAvailability change(NodeId node, State state, int minute) {
    return NodeAvailability.of(node, state, t0().plus(Duration.ofMinutes(minute)));
  }

  private Instant minute(int minute) {
    return t0().plus(Duration.ofMinutes(minute));
  }

  @Test
  void node_failures_are_the_changes_to_down_inside_the_range_oldest_first() {
    HistorySource source = storingChanges(List.of(change(A1, State.DOWN, -90),
        change(A1, State.IDLE, -80), change(A1, State.BUSY, 5), change(A1, State.DOWN, 10),
        change(A1, State.IDLE, 20), change(A1, State.DOWN, 30), change(A1, State.IDLE, 40),
        change(A1, State.DOWN, 60)));

    assertThat(source.nodeFailures(Optional.empty(), t0(), minute(60)))
        .as("the failure before the range and the one at its end are left out")
        .containsExactly(new NodeFailures(A1, t0(), List.of(minute(10), minute(30))));
  }

  @Test
  void node_failures_say_a_node_first_stored_inside_the_range_is_watched_since_its_first_change() {
    HistorySource source = storingChanges(List.of(change(A1, State.IDLE, 15),
        change(A1, State.DOWN, 25), change(B1, State.BUSY, 70)));

    assertThat(source.nodeFailures(Optional.empty(), t0(), minute(60)))
        .as("a node first stored after the range is not in it")
        .containsExactly(new NodeFailures(A1, minute(15), List.of(minute(25))));
  }

  @Test
  void node_failures_keep_nodes_of_the_same_name_on_other_sites_apart_and_ask_one_site() {
    HistorySource source = storingChanges(List.of(change(A1, State.DOWN, 5),
        change(B1, State.IDLE, -5), change(B1, State.DOWN, 7), change(B1, State.IDLE, 8),
        change(B1, State.DOWN, 9)));

    assertThat(source.nodeFailures(Optional.empty(), t0(), minute(60))).containsExactly(
        new NodeFailures(A1, minute(5), List.of(minute(5))),
        new NodeFailures(B1, t0(), List.of(minute(7), minute(9))));
    assertThat(source.nodeFailures(Optional.of(SiteId.of("site-b")), t0(), minute(60)))
        .containsExactly(new NodeFailures(B1, t0(), List.of(minute(7), minute(9))));
  }

  @Test
  void node_failures_count_a_node_reported_down_again_without_coming_up_once_as_live_does() {
    HistorySource source = storingChanges(List.of(change(A1, State.DOWN, -10),
        change(A1, State.DOWN, 5), change(A1, State.IDLE, 20), change(A1, State.DOWN, 30),
        change(A1, State.DOWN, 35), change(B1, State.IDLE, -10), change(B1, State.DOWN, 5)));

    assertThat(source.nodeFailures(Optional.empty(), t0(), minute(60)))
        .as("A1 was down when the range began: minute 5 is no new failure, minute 30 is")
        .containsExactly(new NodeFailures(A1, t0(), List.of(minute(30))),
            new NodeFailures(B1, t0(), List.of(minute(5))));
  }

  @Test
  void node_failures_count_a_change_stored_twice_once() {
    NodeAvailability down = change(A1, State.DOWN, 5);
    HistorySource source = storingChanges(List.of(change(A1, State.IDLE, 1), down, down,
        new NodeAvailability(A1, State.DOWN, minute(5), Optional.of(minute(6)), true)));

    assertThat(source.nodeFailures(Optional.empty(), t0(), minute(60)))
        .as("a replay, or a drain of the failed node, is the same failure")
        .containsExactly(new NodeFailures(A1, minute(1), List.of(minute(5))));
  }

  @Test
  void node_failures_of_a_history_without_changes_answer_empty_and_a_reversed_range_is_refused() {
    HistorySource source = storingChanges(List.of());

    assertThat(source.nodeFailures(Optional.empty(), t0(), minute(60))).isEmpty();
    assertThatThrownBy(() -> source.nodeFailures(Optional.empty(), minute(60), t0()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swapped");
  }
}
