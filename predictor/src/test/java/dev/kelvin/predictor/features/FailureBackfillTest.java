package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.InMemoryHistory;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.predictor.history.FakeHistory;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.history.HistoryRead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The failure history of the nodes of a site seen for the first time, read back from the
 * history through the backfill (virtual time: ticks an hour apart before the restart, each
 * query answered at once). The store holds what the live state handed on: each change of
 * availability once, though every hour's report repeats it.
 */
class FailureBackfillTest {
  private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
  private static final NodeId N1 = NodeId.of("site-a", "n01");
  private static final NodeId N2 = NodeId.of("site-a", "n02");
  private static final NodeId B1 = NodeId.of("site-b", "n01");
  /** The hour of the restart's first tick: ten days on. */
  private static final int RESTART = 240;
  private static final int HISTORY = NodeTelemetryFeatures.NAMES.indexOf(
      FailureHistoryFeatures.NAMES.get(0));
  private static final int TOTAL = NodeTelemetryFeatures.NAMES.indexOf("history_failures_total");

  private final AtomicLong nanos = new AtomicLong();

  private static Instant hour(double h) {
    return START.plusMillis((long) (h * 3_600_000));
  }

  /**
   * N1 fails at 24 h, 100 h and 238 h (down still at the restart), N2 at 230 h; B1, on another
   * site, at 200 h: every node idle from hour 0 otherwise.
   */
  private static NodeAvailability availability(NodeId node, double h) {
    double[][] downs = node.equals(N1) ? new double[][] {{24, 30}, {100, 101}, {238, 1e9}}
        : node.equals(N2) ? new double[][] {{230, 235}} : new double[][] {{200, 201}};
    double since = 0;
    for (double[] down : downs) {
      if (h >= down[1]) {
        since = down[1];
      } else if (h >= down[0]) {
        return NodeAvailability.of(node, State.DOWN, hour(down[0]));
      }
    }
    return NodeAvailability.of(node, State.IDLE, hour(since));
  }

  /** Every node at hour {@code h}: its availability and 20 min of readings, one a minute. */
  private static ClusterSnapshot snapshot(double h) {
    TreeMap<NodeId, NodeView> views = new TreeMap<>();
    TreeMap<NodeId, NodeAvailability> states = new TreeMap<>();
    for (NodeId node : List.of(N1, N2, B1)) {
      List<NodeReading> window = new ArrayList<>();
      for (int m = 20; m >= 0; m--) {
        window.add(Readings.reading().node(node).at(hour(h).minus(Duration.ofMinutes(m)))
            .seq((long) (h * 60) - m + 100).with(NodeMetric.ECC_CORRECTABLE_TOTAL, 3)
            .with(NodeMetric.ECC_UNCORRECTABLE_TOTAL, 0).build());
      }
      NodeReading latest = window.get(window.size() - 1);
      views.put(node, new NodeView(node, latest.rack(), latest, window, latest.at(), false));
      states.put(node, availability(node, h));
    }
    ClusterSnapshot plain = ClusterSnapshot.of(hour(h), views.values());
    return new ClusterSnapshot(hour(h), plain.nodes(), plain.sites(), plain.jobs(), states);
  }

  /** What the store holds of the run before the restart: the live state's changes, hourly. */
  private static List<NodeAvailability> storedBeforeTheRestart() {
    List<NodeAvailability> stored = new ArrayList<>();
    ClusterState state = new ClusterState(StateSettings.defaults(), new ReadingSink() {
      @Override
      public void accept(NodeReading reading, Instant receivedAt) {}

      @Override
      public void acceptAvailability(NodeAvailability changed) {
        stored.add(changed);
      }
    });
    for (int h = 0; h < RESTART; h++) {
      for (String site : List.of("site-a", "site-b")) {
        state.replaceAvailability(SiteId.of(site), snapshot(h).availability().values().stream()
            .filter(each -> each.node().site().value().equals(site)).toList());
      }
    }
    return stored;
  }

  /** The live tracker, having seen every hour from 0 up to and including {@code last}. */
  private static NodeFeatureBatch seenLive(double... last) {
    NodeFeatureTracker live = new NodeFeatureTracker();
    for (int h = 0; h < RESTART; h++) {
      live.observe(snapshot(h));
    }
    NodeFeatureBatch batch = null;
    for (double h : last) {
      batch = live.observe(snapshot(h));
    }
    return batch;
  }

  private static double[] history(NodeFeatureBatch batch, NodeId node) {
    double[] all = batch.valuesOf(node);
    assertThat(all).as("features of %s; unknown: %s", node, batch.unknown()).isNotNull();
    return Arrays.copyOfRange(all, HISTORY, HISTORY + FailureHistoryFeatures.NAMES.size());
  }

  private HistoryBackfill backfill(HistorySource source) {
    return HistoryBackfill.of(source, Runnable::run, nanos::incrementAndGet);
  }

  @Test
  void the_store_keeps_each_change_once_though_every_report_repeats_it() {
    List<NodeAvailability> stored = storedBeforeTheRestart();

    assertThat(stored).filteredOn(change -> change.node().equals(N1))
        .extracting(NodeAvailability::state).containsExactly(State.IDLE, State.DOWN,
            State.IDLE, State.DOWN, State.IDLE, State.DOWN);
    assertThat(stored).hasSize(6 + 3 + 3);
  }

  @Test
  void nodes_whose_failures_were_read_back_have_at_once_the_features_of_nodes_seen_failing_live() {
    NodeFeatureBatch live = seenLive(RESTART);

    NodeFeatureBatch restarted = new SnapshotFeatures(backfill(new InMemoryHistory(List.of(),
        storedBeforeTheRestart()))).of(snapshot(RESTART));

    for (NodeId node : List.of(N1, N2, B1)) {
      assertThat(history(restarted, node)).as("%s", node)
          .containsExactly(history(live, node));
    }
    assertThat(history(restarted, N1)[0]).as("238 h read back and seen down live: once")
        .isEqualTo(3);
    assertThat(history(restarted, N1)[FailureHistoryFeatures.NAMES.indexOf(
        "history_system_failures_1d")]).as("N1 at 238 h and N2 at 230 h").isEqualTo(2);
  }

  @Test
  void without_history_a_restarted_node_knows_only_the_failure_it_sees_live() {
    NodeFeatureBatch restarted = new SnapshotFeatures().of(snapshot(RESTART));

    assertThat(restarted.valuesOf(N1)[TOTAL]).isEqualTo(1);
    assertThat(restarted.valuesOf(N2)[TOTAL]).isZero();
  }

  @Test
  void a_failed_read_keeps_the_live_failures_and_is_asked_again_until_it_answers() {
    FakeHistory history = new FakeHistory().changes(storedBeforeTheRestart()).down();
    HistoryBackfill backfill = backfill(history);
    SnapshotFeatures features = new SnapshotFeatures(backfill);
    double justAfter = RESTART + 15 / 3600.0;
    double retried = RESTART + 31 / 3600.0;

    assertThat(features.of(snapshot(RESTART)).valuesOf(N1)[TOTAL]).isEqualTo(1);
    history.up();
    assertThat(features.of(snapshot(justAfter)).valuesOf(N1)[TOTAL])
        .as("no retry before 30 s").isEqualTo(1);
    NodeFeatureBatch answered = features.of(snapshot(retried));

    assertThat(backfill.stats().scopesFailed(HistoryRead.FAILURES)).as("two sites, once")
        .isEqualTo(2);
    assertThat(backfill.stats().scopesFilled(HistoryRead.FAILURES)).isEqualTo(2);
    assertThat(history.asked()).filteredOn(asked -> asked.series().startsWith("failures:"))
        .extracting(FakeHistory.Asked::series)
        .as("the first failure stops the request; both sites are asked again after 30 s")
        .containsExactly("failures:site-a", "failures:site-a", "failures:site-b");
    NodeFeatureBatch live = seenLive(RESTART, justAfter, retried);
    for (NodeId node : List.of(N1, N2, B1)) {
      assertThat(history(answered, node)).as("%s", node).containsExactly(history(live, node));
    }
  }
}
