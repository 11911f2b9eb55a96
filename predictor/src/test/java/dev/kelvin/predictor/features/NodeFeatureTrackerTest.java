package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.predictor.features.NodeTelemetryFeatures.UnknownReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class NodeFeatureTrackerTest {
  private static final NodeId NODE = NodeId.of("site-a", "n01");
  private final NodeFeatureTracker tracker = new NodeFeatureTracker();

  private static Instant minute(int m) {
    return MutableClock.START.plusSeconds(60L * m);
  }

  /**
   * The node as the simulator shows it at minute {@code now}: readings one a minute over the
   * last ten minutes, its corrected error counter given by {@code errors} of the minute.
   */
  private static NodeView view(int now, IntToDoubleFunction errors, boolean stale) {
    List<NodeReading> window = new ArrayList<>();
    for (int m = Math.max(0, now - 10); m <= now; m++) {
      window.add(Readings.reading().node(NODE).at(minute(m)).seq(m + 1)
          .with(NodeMetric.ECC_CORRECTABLE_TOTAL, errors.applyAsDouble(m)).build());
    }
    NodeReading latest = window.get(window.size() - 1);
    return new NodeView(NODE, latest.rack(), latest, window, latest.at(), stale);
  }

  private static ClusterSnapshot snapshot(int now, NodeView view,
      NodeAvailability availability) {
    TreeMap<NodeId, NodeAvailability> states = new TreeMap<>();
    if (availability != null) {
      states.put(NODE, availability);
    }
    ClusterSnapshot plain = ClusterSnapshot.of(minute(now), List.of(view));
    return new ClusterSnapshot(minute(now), plain.nodes(), plain.sites(), plain.jobs(), states);
  }

  /** Observes the node every two minutes from minute 10 to {@code until}; the last batch. */
  private NodeFeatureBatch observeUntil(int until, IntToDoubleFunction errors) {
    NodeFeatureBatch last = null;
    for (int m = 10; m <= until; m += 2) {
      last = tracker.observe(snapshot(m, view(m, errors, false), null));
    }
    return last;
  }

  private static double feature(NodeFeatureBatch batch, String name) {
    return batch.valuesOf(NODE)[NodeTelemetryFeatures.NAMES.indexOf(name)];
  }

  @Test
  void counts_corrected_errors_over_5_15_and_30_minutes_across_ticks() {
    NodeFeatureBatch batch = observeUntil(60, m -> m * m);

    assertThat(feature(batch, "ecc_corrected_delta_5m")).isEqualTo(3600 - 55 * 55);
    assertThat(feature(batch, "ecc_corrected_delta_15m")).isEqualTo(3600 - 45 * 45);
    assertThat(feature(batch, "ecc_corrected_delta_30m")).isEqualTo(3600 - 30 * 30);
    assertThat(feature(batch, "ecc_uncorrected_delta_30m")).isNaN();
  }

  @Test
  void learns_the_long_run_error_rate_after_an_hour() {
    NodeFeatureBatch early = observeUntil(50, m -> Math.floor(m / 10.0));
    assertThat(feature(early, "ecc_corrected_per_h_baseline")).isNaN();

    NodeFeatureBatch later = observeUntil(180, m -> Math.floor(m / 10.0));

    // first kept at minute 0 (counter 0), now minute 180 (counter 18): 18 in 3 h
    assertThat(feature(later, "ecc_corrected_per_h_baseline")).isCloseTo(6, within(1e-9));
  }

  @Test
  void a_node_is_unknown_until_its_counter_is_known_15_minutes_back() {
    NodeFeatureBatch first = tracker.observe(snapshot(10, view(10, m -> 0, false), null));
    assertThat(first.nodes()).isEmpty();
    assertThat(first.unknown()).containsEntry(NODE, UnknownReason.SHORT_HISTORY);

    NodeFeatureBatch known = observeUntil(16, m -> 0);

    assertThat(known.nodes()).containsExactly(NODE);
    assertThat(feature(known, "ecc_corrected_delta_15m")).isZero();
    assertThat(feature(known, "ecc_corrected_delta_30m")).isNaN();
  }

  @Test
  void a_counter_reset_forgets_the_counts_before_it() {
    observeUntil(40, m -> 100 + m);

    NodeFeatureBatch afterReset = observeUntil(50, m -> m < 45 ? 100 + m : m - 45);

    assertThat(afterReset.valuesOf(NODE)).isNull();
    assertThat(afterReset.unknown()).containsEntry(NODE, UnknownReason.SHORT_HISTORY);
  }

  @Test
  void a_stale_node_gets_no_features_however_long_its_history() {
    observeUntil(40, m -> m);

    NodeFeatureBatch batch = tracker.observe(snapshot(42, view(42, m -> m, true), null));

    assertThat(batch.nodes()).isEmpty();
    assertThat(batch.unknown()).containsEntry(NODE, UnknownReason.STALE);
    assertThat(batch.unknownCounts()).containsEntry(UnknownReason.STALE, 1);
  }

  @Test
  void counts_failures_from_the_down_transitions_it_has_seen() {
    NodeAvailability idle = NodeAvailability.of(NODE, NodeAvailability.State.IDLE, minute(0));
    NodeAvailability down = NodeAvailability.of(NODE, NodeAvailability.State.DOWN, minute(11));
    NodeAvailability back = NodeAvailability.of(NODE, NodeAvailability.State.IDLE, minute(13));
    tracker.observe(snapshot(10, view(10, m -> m, false), idle));
    tracker.observe(snapshot(12, view(12, m -> m, true), down));
    tracker.observe(snapshot(14, view(14, m -> m, true), down));
    NodeFeatureBatch batch = null;
    for (int m = 16; m <= 40; m += 2) {
      batch = tracker.observe(snapshot(m, view(m, n -> n, false), back));
    }

    assertThat(feature(batch, "history_failures_total")).isEqualTo(1);
    assertThat(feature(batch, "history_failures_7d")).isEqualTo(1);
    assertThat(feature(batch, "history_days_since_last_failure"))
        .isCloseTo(29 / 1440.0, within(1e-12));
    assertThat(feature(batch, "history_days_observed")).isCloseTo(30 / 1440.0, within(1e-12));
    assertThat(feature(batch, "history_system_failures_1d")).isEqualTo(1);
  }

  @Test
  void leaves_the_failure_history_unknown_without_a_workload_manager() {
    NodeFeatureBatch batch = observeUntil(40, m -> m);

    for (String name : FailureHistoryFeatures.NAMES) {
      assertThat(feature(batch, name)).as(name).isNaN();
    }
  }

  @Test
  void a_node_keeps_its_own_history_when_others_join_or_leave_the_snapshot_between_ticks() {
    NodeId[] ids = {NodeId.of("site-a", "n01"), NodeId.of("site-a", "n02"),
        NodeId.of("site-a", "n03")};
    IntToDoubleFunction[] errors = {m -> m, m -> 3 * m, m -> m * m};
    NodeFeatureTracker[] alone = {new NodeFeatureTracker(), new NodeFeatureTracker(),
        new NodeFeatureTracker()};
    NodeFeatureBatch together = null;
    for (int m = 10; m <= 60; m += 2) {
      List<NodeView> views = new ArrayList<>();
      for (int k = 0; k < ids.length; k++) {
        boolean away = k == 1 && m >= 30 && m < 40 || k == 0 && m == 50;
        if (!away) {
          views.add(view(ids[k], m, errors[k]));
          alone[k].observe(ClusterSnapshot.of(minute(m), List.of(views.get(views.size() - 1))));
        }
      }
      together = tracker.observe(ClusterSnapshot.of(minute(m), views));
    }

    for (int k = 0; k < ids.length; k++) {
      NodeFeatureBatch own = alone[k].observe(ClusterSnapshot.of(minute(62),
          List.of(view(ids[k], 62, errors[k]))));
      NodeFeatureBatch all = tracker.observe(ClusterSnapshot.of(minute(62), List.of(
          view(ids[0], 62, errors[0]), view(ids[1], 62, errors[1]), view(ids[2], 62,
              errors[2]))));
      assertThat(all.valuesOf(ids[k])).as(ids[k].toString()).isNotNull()
          .isEqualTo(own.valuesOf(ids[k]));
    }
    assertThat(together.nodes()).hasSize(3);
  }

  @Test
  void a_large_snapshot_described_in_parallel_gives_every_node_the_features_of_a_plain_pass() {
    int count = NodeFeatureTracker.PARALLEL_FROM_NODES + 300;
    List<NodeId> ids = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      ids.add(NodeId.of("site-a", String.format("n%05d", k)));
    }
    NodeFeatureTracker[] parts = {new NodeFeatureTracker(), new NodeFeatureTracker(),
        new NodeFeatureTracker()};
    int part = count / parts.length + 1;
    NodeFeatureBatch whole = null;
    List<NodeFeatureBatch> pieces = new ArrayList<>();
    for (int m = 10; m <= 30; m += 2) {
      List<NodeView> views = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        int node = k;
        views.add(view(ids.get(k), m, n -> node % 3 == 0 ? n * (node % 17) : n));
      }
      whole = tracker.observe(ClusterSnapshot.of(minute(m), views));
      pieces.clear();
      for (int p = 0; p < parts.length; p++) {
        pieces.add(parts[p].observe(ClusterSnapshot.of(minute(m),
            views.subList(p * part, Math.min(count, (p + 1) * part)))));
      }
    }

    assertThat(whole.nodes()).hasSize(count);
    for (int k = 0; k < count; k++) {
      assertThat(whole.valuesOf(ids.get(k))).as(ids.get(k).toString())
          .isEqualTo(pieces.get(k / part).valuesOf(ids.get(k)));
    }
  }

  private static NodeView view(NodeId node, int now, IntToDoubleFunction errors) {
    List<NodeReading> window = new ArrayList<>();
    for (int m = Math.max(0, now - 10); m <= now; m++) {
      window.add(Readings.reading().node(node).at(minute(m)).seq(m + 1)
          .with(NodeMetric.CPU_TEMP_CELSIUS, 40 + m % 7)
          .with(NodeMetric.ECC_CORRECTABLE_TOTAL, errors.applyAsDouble(m)).build());
    }
    NodeReading latest = window.get(window.size() - 1);
    return new NodeView(node, latest.rack(), latest, window, latest.at(), false);
  }
}
