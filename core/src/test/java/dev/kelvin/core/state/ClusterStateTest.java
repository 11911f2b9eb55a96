package dev.kelvin.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ClusterStateTest {
  private static final Instant T0 = MutableClock.START;
  private static final NodeId N01 = NodeId.of("site-a", "n01");

  private final ClusterState state = new ClusterState(StateSettings.defaults());

  @Test
  void keeps_the_latest_reading_and_a_window_oldest_first() {
    for (int i = 0; i < 3; i++) {
      assertThat(state.admit(reading(i, T0.plusSeconds(i), 300 + i), T0.plusSeconds(i)))
          .isEqualTo(Admission.ACCEPTED);
    }
    NodeView view = state.snapshot(T0.plusSeconds(3)).node(N01).orElseThrow();
    assertThat(view.latest().seq()).isEqualTo(2);
    assertThat(view.window()).extracting(NodeReading::seq).containsExactly(0L, 1L, 2L);
  }

  @Test
  void the_window_drops_the_oldest_readings_beyond_its_size() {
    ClusterState small = new ClusterState(new StateSettings(2, Duration.ofSeconds(10),
        Duration.ofSeconds(5), Duration.ofHours(1), 10, Set.of()));
    for (int i = 0; i < 5; i++) {
      small.admit(reading(i, T0.plusSeconds(i), 300), T0.plusSeconds(i));
    }
    assertThat(small.snapshot(T0.plusSeconds(5)).node(N01).orElseThrow().window())
        .extracting(NodeReading::seq).containsExactly(3L, 4L);
  }

  @Test
  void the_same_reading_twice_is_a_duplicate_and_changes_nothing() {
    NodeReading reading = reading(7, T0, 300);
    state.admit(reading, T0);
    assertThat(state.admit(reading, T0.plusMillis(10))).isEqualTo(Admission.DUPLICATE);
    assertThat(state.snapshot(T0).node(N01).orElseThrow().window()).hasSize(1);
  }

  @Test
  void parts_of_one_sample_sent_in_separate_messages_merge_into_one_reading() {
    state.admit(reading(0, T0, 300), T0);
    NodeReading part = new NodeReading(N01, RackId.UNKNOWN, T0, 0,
        MetricValues.builder().set(NodeMetric.CPU_UTIL_RATIO, 0.7).build());
    assertThat(state.admit(part, T0.plusMillis(5))).isEqualTo(Admission.ACCEPTED);
    NodeView view = state.snapshot(T0.plusMillis(5)).node(N01).orElseThrow();
    assertThat(view.window()).hasSize(1);
    assertThat(view.latest().powerWatts()).hasValue(300);
    assertThat(view.latest().cpuUtilRatio()).hasValue(0.7);
    assertThat(view.latest().rack()).isEqualTo(RackId.of("r1"));
    assertThat(state.admit(part, T0.plusMillis(9))).isEqualTo(Admission.DUPLICATE);
  }

  @Test
  void an_older_reading_replayed_from_the_window_is_a_duplicate_too() {
    state.admit(reading(1, T0, 300), T0);
    state.admit(reading(2, T0.plusSeconds(1), 300), T0.plusSeconds(1));
    assertThat(state.admit(reading(1, T0, 300), T0.plusSeconds(2)))
        .isEqualTo(Admission.DUPLICATE);
  }

  @Test
  void a_reading_older_than_the_latest_is_late_and_stays_out_of_the_live_view() {
    state.admit(reading(2, T0.plusSeconds(2), 320), T0.plusSeconds(2));
    assertThat(state.admit(reading(1, T0.plusSeconds(1), 310), T0.plusSeconds(3)))
        .isEqualTo(Admission.LATE);
    assertThat(state.snapshot(T0.plusSeconds(3)).node(N01).orElseThrow().latest().seq())
        .isEqualTo(2);
  }

  @Test
  void a_reading_replayed_minutes_after_it_was_taken_is_late_and_never_makes_a_node_look_fresh() {
    NodeReading hotButOld = Readings.reading().node(N01).at(T0)
        .with(NodeMetric.CPU_TEMP_CELSIUS, 95).build();
    Instant replayedAt = T0.plus(Duration.ofMinutes(4));

    assertThat(state.admit(hotButOld, replayedAt)).isEqualTo(Admission.LATE);
    assertThat(state.snapshot(replayedAt).node(N01)).isEmpty();
  }

  @Test
  void a_reading_just_within_the_stale_limit_on_arrival_is_live() {
    assertThat(state.admit(reading(1, T0, 300), T0.plusSeconds(10)))
        .isEqualTo(Admission.ACCEPTED);
    assertThat(state.admit(reading(2, T0.plusSeconds(1), 300), T0.plusSeconds(12)))
        .isEqualTo(Admission.LATE);
  }

  @Test
  void a_reading_from_the_future_beyond_the_skew_allowance_is_clock_skew() {
    Duration skew = StateSettings.defaults().maxFutureSkew();

    assertThat(state.admit(reading(1, T0.plus(skew).plusMillis(1), 300), T0))
        .isEqualTo(Admission.CLOCK_SKEW);
    assertThat(state.admit(reading(1, T0.plus(skew), 300), T0))
        .isEqualTo(Admission.ACCEPTED);
  }

  @Test
  void the_default_skew_allowance_is_two_seconds() {
    assertThat(StateSettings.defaults().maxFutureSkew()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void a_reading_30_s_ahead_leaves_no_trace_and_the_real_readings_after_it_are_live() {
    NodeReading ahead = Readings.reading().node(N01).seq(1).at(T0.plusSeconds(30))
        .with(NodeMetric.CPU_TEMP_CELSIUS, 99).build();

    assertThat(state.admit(ahead, T0)).isEqualTo(Admission.CLOCK_SKEW);
    assertThat(state.snapshot(T0).node(N01)).isEmpty();
    assertThat(state.nodeCount()).isZero();
    for (int i = 1; i <= 3; i++) {
      assertThat(state.admit(reading(1 + i, T0.plusSeconds(i), 300), T0.plusSeconds(i)))
          .isEqualTo(Admission.ACCEPTED);
    }
    NodeView view = state.snapshot(T0.plusSeconds(3)).node(N01).orElseThrow();
    assertThat(view.window()).extracting(NodeReading::seq).containsExactly(2L, 3L, 4L);
    assertThat(view.latest(NodeMetric.CPU_TEMP_CELSIUS)).hasValue(60);
  }

  @Test
  void a_reading_stamped_ahead_within_the_allowance_hides_real_readings_for_no_longer_than_it() {
    Duration skew = StateSettings.defaults().maxFutureSkew();
    state.admit(reading(1, T0, 300), T0);
    assertThat(state.admit(reading(2, T0.plus(skew), 999), T0)).isEqualTo(Admission.ACCEPTED);

    Instant firstLive = null;
    for (Instant at = T0.plusMillis(100); firstLive == null; at = at.plusMillis(100)) {
      if (state.admit(reading(3, at, 300), at) == Admission.ACCEPTED) {
        firstLive = at;
      }
    }

    assertThat(Duration.between(T0, firstLive)).isLessThanOrEqualTo(skew.plusMillis(100));
    assertThat(state.snapshot(firstLive).node(N01).orElseThrow().latest(NodeMetric.POWER_WATTS))
        .hasValue(300);
  }

  @Test
  void refuses_a_skew_allowance_not_shorter_than_the_stale_limit() {
    assertThatThrownBy(() -> new StateSettings(10, Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofHours(1), 10, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxFutureSkew must be shorter than staleAfter (PT10S), was"
            + " PT10S");
  }

  @Test
  void a_late_reading_of_a_node_never_heard_from_registers_nothing() {
    assertThat(state.admit(reading(1, T0, 300), T0.plusSeconds(60))).isEqualTo(Admission.LATE);

    assertThat(state.nodeCount()).isZero();
    assertThat(state.snapshot(T0.plusSeconds(60)).nodes()).isEmpty();
  }

  @Test
  void a_node_outside_a_closed_inventory_is_unknown_even_when_its_reading_is_late() {
    ClusterState closed = new ClusterState(StateSettings.defaults().withInventory(Set.of(N01)));
    NodeReading stranger = Readings.reading().node("n99").at(T0).build();

    assertThat(closed.admit(stranger, T0.plusSeconds(60))).isEqualTo(Admission.UNKNOWN_NODE);
  }

  @Test
  void an_agent_restart_resets_seq_but_newer_time_is_accepted() {
    state.admit(reading(500, T0, 300), T0);
    assertThat(state.admit(reading(0, T0.plusSeconds(1), 300), T0.plusSeconds(1)))
        .isEqualTo(Admission.ACCEPTED);
  }

  @Test
  void a_closed_inventory_refuses_unknown_nodes() {
    ClusterState closed = new ClusterState(StateSettings.defaults().withInventory(Set.of(N01)));
    NodeReading stranger = Readings.reading().node("n99").at(T0).build();
    assertThat(closed.admit(stranger, T0)).isEqualTo(Admission.UNKNOWN_NODE);
    assertThat(closed.admit(reading(1, T0, 300), T0)).isEqualTo(Admission.ACCEPTED);
  }

  @Test
  void refuses_new_nodes_once_full_so_bogus_names_cannot_exhaust_memory() {
    ClusterState tiny = new ClusterState(new StateSettings(5, Duration.ofSeconds(10),
        Duration.ofSeconds(5), Duration.ofHours(1), 1, Set.of()));
    tiny.admit(reading(1, T0, 300), T0);
    assertThat(tiny.admit(Readings.reading().node("n02").at(T0).build(), T0))
        .isEqualTo(Admission.UNKNOWN_NODE);
  }

  @Test
  void a_node_not_heard_from_for_longer_than_stale_after_is_stale() {
    state.admit(reading(1, T0, 300), T0);
    assertThat(state.snapshot(T0.plusSeconds(10)).node(N01).orElseThrow().stale()).isFalse();
    ClusterSnapshot later = state.snapshot(T0.plusSeconds(11));
    assertThat(later.node(N01).orElseThrow().stale()).isTrue();
    assertThat(later.totalPowerWatts()).isZero();
  }

  @Test
  void a_node_silent_longer_than_forget_after_leaves_the_view_and_the_stale_count() {
    state.admit(reading(1, T0, 300), T0);
    Instant oneHourLater = T0.plus(Duration.ofHours(1));
    assertThat(stale(state.snapshot(oneHourLater))).isEqualTo(1);

    ClusterSnapshot after = state.snapshot(oneHourLater.plusMillis(1));

    assertThat(after.node(N01)).isEmpty();
    assertThat(stale(after)).isZero();
    assertThat(state.nodeCount()).isZero();
    assertThat(state.forgottenNodes()).isEqualTo(1);
  }

  @Test
  void a_node_that_keeps_reporting_is_never_forgotten() {
    for (int minute = 0; minute <= 120; minute++) {
      Instant at = T0.plus(Duration.ofMinutes(minute));
      state.admit(reading(minute, at, 300), at);
      state.snapshot(at);
    }
    assertThat(state.forgottenNodes()).isZero();
    assertThat(state.nodeCount()).isEqualTo(1);
  }

  @Test
  void a_forgotten_node_that_comes_back_registers_again_like_a_new_one() {
    state.admit(reading(1, T0, 300), T0);
    state.snapshot(T0.plus(Duration.ofHours(2)));
    Instant back = T0.plus(Duration.ofHours(3));

    assertThat(state.admit(reading(2, back, 310), back)).isEqualTo(Admission.ACCEPTED);

    NodeView view = state.snapshot(back).node(N01).orElseThrow();
    assertThat(view.window()).extracting(NodeReading::seq).containsExactly(2L);
    assertThat(state.forgottenNodes()).isEqualTo(1);
  }

  @Test
  void forgetting_frees_the_slots_bogus_names_held_in_an_open_inventory() {
    ClusterState tiny = new ClusterState(new StateSettings(5, Duration.ofSeconds(10),
        Duration.ofSeconds(5), Duration.ofMinutes(1), 1, Set.of()));
    tiny.admit(Readings.reading().node("bogus-1").at(T0).build(), T0);
    Instant later = T0.plus(Duration.ofMinutes(2));
    assertThat(tiny.admit(reading(1, later, 300), later)).isEqualTo(Admission.UNKNOWN_NODE);

    tiny.snapshot(later);

    assertThat(tiny.admit(reading(2, later, 300), later)).isEqualTo(Admission.ACCEPTED);
  }

  @Test
  void forgetting_logs_one_line_for_all_the_nodes_forgotten_at_once() {
    Logger jul = Logger.getLogger(
        ClusterState.class.getName());
    List<LogRecord> lines = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jul.addHandler(capture);
    try {
      for (int i = 0; i < 50; i++) {
        state.admit(Readings.reading().node("n" + (100 + i)).at(T0).build(), T0);
      }
      state.snapshot(T0.plus(Duration.ofHours(2)));
      state.snapshot(T0.plus(Duration.ofHours(3)));
    } finally {
      jul.removeHandler(capture);
    }
    assertThat(lines).singleElement().extracting(LogRecord::getMessage)
        .asString().startsWith("50 node(s) forgotten after more than PT1H of silence");
    assertThat(state.forgottenNodes()).isEqualTo(50);
  }

  @Test
  void refuses_a_forget_limit_not_longer_than_the_stale_limit() {
    assertThatThrownBy(() -> StateSettings.defaults().withForgetAfter(Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("forgetAfter must be longer than staleAfter (PT10S), was PT10S");
  }

  private static long stale(ClusterSnapshot snapshot) {
    return snapshot.views().stream().filter(NodeView::stale).count();
  }

  private static NodeReading reading(long seq, Instant at, double watts) {
    return Readings.reading().node(N01).seq(seq).at(at).with(NodeMetric.POWER_WATTS, watts)
        .build();
  }
}
