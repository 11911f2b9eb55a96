package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.HistorySourceContract.Stored;
import dev.kelvin.core.testkit.InMemoryHistory;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.predictor.features.NodeTelemetryFeatures.UnknownReason;
import dev.kelvin.predictor.history.FakeHistory;
import dev.kelvin.predictor.history.HistoryBackfill;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The memory error counters of a node seen for the first time, read back from the history
 * through the backfill (virtual time: ticks a minute apart, each query answered at once).
 */
class CounterBackfillTest {
  private static final NodeId NODE = NodeId.of("site-a", "n01");
  /** The minute of the first reading stored, and of the restart's first tick. */
  private static final int FIRST = 5;
  private static final int RESTART = 80;

  private final AtomicLong nanos = new AtomicLong();

  private static Instant minute(double m) {
    return MutableClock.START.plusMillis((long) (m * 60_000));
  }

  /** A counter that grows faster and faster: a delta differs from any other. */
  private static double corrected(int m) {
    return m * m;
  }

  private static double uncorrected(int m) {
    return Math.floor(m / 20.0);
  }

  private static NodeReading reading(int m) {
    return Readings.reading().node(NODE).at(minute(m)).seq(m + 1)
        .with(NodeMetric.ECC_CORRECTABLE_TOTAL, corrected(m))
        .with(NodeMetric.ECC_UNCORRECTABLE_TOTAL, uncorrected(m)).build();
  }

  /** The node at minute {@code now}: readings a minute apart over the last ten minutes. */
  private static ClusterSnapshot snapshot(double now) {
    List<NodeReading> window = new ArrayList<>();
    for (int m = Math.max(FIRST, (int) now - 10); m <= now; m++) {
      window.add(reading(m));
    }
    NodeReading latest = window.get(window.size() - 1);
    NodeView view = new NodeView(NODE, latest.rack(), latest, window, latest.at(), false);
    return ClusterSnapshot.of(minute(now), List.of(view));
  }

  /** What the store holds of the run before the restart: both counters, every minute. */
  private static InMemoryHistory storedBeforeTheRestart() {
    List<Stored> stored = new ArrayList<>();
    for (int m = FIRST; m <= RESTART; m++) {
      stored.add(new Stored(NODE, NodeMetric.ECC_CORRECTABLE_TOTAL, minute(m), corrected(m)));
      stored.add(new Stored(NODE, NodeMetric.ECC_UNCORRECTABLE_TOTAL, minute(m),
          uncorrected(m)));
    }
    return new InMemoryHistory(stored);
  }

  private HistoryBackfill backfill(dev.kelvin.core.port.HistorySource source) {
    return HistoryBackfill.of(source, Runnable::run, nanos::incrementAndGet);
  }

  @Test
  void a_node_first_seen_with_its_counters_read_back_has_at_once_the_features_of_one_seen_live() {
    NodeFeatureTracker live = new NodeFeatureTracker();
    for (int m = FIRST; m < RESTART; m += 2) {
      live.observe(snapshot(m));
    }
    NodeFeatureBatch liveBatch = live.observe(snapshot(RESTART));
    double[] seenLive = liveBatch.valuesOf(NODE);

    NodeFeatureBatch restarted = new SnapshotFeatures(backfill(storedBeforeTheRestart()))
        .of(snapshot(RESTART));

    assertThat(seenLive).as("deltas and rate known; unknown: %s", liveBatch.unknown())
        .isNotNull();
    assertThat(seenLive[NodeTelemetryFeatures.NAMES.indexOf("ecc_corrected_per_h_baseline")])
        .isEqualTo((corrected(RESTART) - corrected(FIRST)) / (75 / 60.0));
    assertThat(restarted.valuesOf(NODE)).containsExactly(seenLive);
  }

  @Test
  void without_history_a_restarted_node_has_no_features_until_15_min_of_live_counters() {
    SnapshotFeatures features = new SnapshotFeatures();

    assertThat(features.of(snapshot(RESTART)).unknown())
        .containsEntry(NODE, UnknownReason.SHORT_HISTORY);
  }

  @Test
  void a_failed_read_leaves_the_node_as_without_history_and_is_asked_again_until_it_answers() {
    InMemoryHistory stored = storedBeforeTheRestart();
    FakeHistory history = new FakeHistory()
        .nodeLast(NODE, NodeMetric.ECC_CORRECTABLE_TOTAL, at -> last(stored, at, true))
        .nodeLast(NODE, NodeMetric.ECC_UNCORRECTABLE_TOTAL, at -> last(stored, at, false))
        .down();
    HistoryBackfill backfill = backfill(history);
    SnapshotFeatures features = new SnapshotFeatures(backfill);

    assertThat(features.of(snapshot(RESTART)).unknown()).containsKey(NODE);
    assertThat(features.of(snapshot(RESTART + 0.25)).unknown()).containsKey(NODE);
    assertThat(history.asked()).as("one failed question, no retry before 30 s").hasSize(1);
    assertThat(backfill.stats().scopesFailed()).isEqualTo(1);
    assertThat(backfill.stats().lastFailure()).isPresent();
    assertThat(features.of(snapshot(RESTART + 1)).unknown()).containsKey(NODE);
    assertThat(history.asked()).as("asked again 30 s after the failure").hasSize(2);

    history.up();
    assertThat(features.of(snapshot(RESTART + 1.5)).unknown()).as("next retry after 60 s")
        .containsKey(NODE);
    NodeFeatureBatch answered = features.of(snapshot(RESTART + 2));

    assertThat(answered.valuesOf(NODE)).as("read back 12 min after the first live reading")
        .isNotNull();
    assertThat(backfill.stats().lastFailure()).isEmpty();
    assertThat(history.asked()).hasSize(2 + 2);
  }

  @Test
  void a_source_that_stays_down_gives_features_after_15_min_of_live_counters_as_today() {
    FakeHistory history = new FakeHistory().down();
    SnapshotFeatures features = new SnapshotFeatures(backfill(history));
    int firstLive = RESTART - 10;

    for (int m = RESTART; m < firstLive + 15; m++) {
      assertThat(features.of(snapshot(m)).unknown()).as("minute %d", m).containsKey(NODE);
    }
    assertThat(features.of(snapshot(firstLive + 15)).valuesOf(NODE)).isNotNull();
  }

  /** The last value of a step of the stored history, as {@code nodeLast} answers it. */
  private static Double last(InMemoryHistory stored, Instant stepStart, boolean corrected) {
    NodeMetric metric = corrected ? NodeMetric.ECC_CORRECTABLE_TOTAL
        : NodeMetric.ECC_UNCORRECTABLE_TOTAL;
    return stored.nodeLast(NODE, metric, stepStart, stepStart.plus(
        NodeFeatureTracker.COUNTER_STEP), NodeFeatureTracker.COUNTER_STEP).stream()
        .findFirst().map(point -> point.value()).orElse(null);
  }
}
