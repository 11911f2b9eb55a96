package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotFeaturesTest {
  private static final NodeId NODE = NodeId.of("site-a", "n01");

  private static Instant minute(int m) {
    return MutableClock.START.plusSeconds(60L * m);
  }

  private static ClusterSnapshot snapshot(int now) {
    List<NodeReading> window = new ArrayList<>();
    for (int m = Math.max(0, now - 10); m <= now; m++) {
      window.add(Readings.reading().node(NODE).at(minute(m)).seq(m + 1)
          .with(NodeMetric.ECC_CORRECTABLE_TOTAL, 2 * m).build());
    }
    NodeReading latest = window.get(window.size() - 1);
    return ClusterSnapshot.of(minute(now), List.of(new NodeView(NODE, latest.rack(), latest,
        window, latest.at(), false)));
  }

  @Test
  void computes_a_snapshots_features_once_for_every_model_that_asks() {
    SnapshotFeatures features = new SnapshotFeatures();
    ClusterSnapshot snapshot = snapshot(10);

    NodeFeatureBatch first = features.of(snapshot);

    assertThat(features.of(snapshot)).isSameAs(first);
  }

  @Test
  void gives_the_features_a_tracker_of_its_own_gives_tick_after_tick() {
    SnapshotFeatures features = new SnapshotFeatures();
    NodeFeatureTracker own = new NodeFeatureTracker();
    for (int m = 10; m <= 40; m += 2) {
      ClusterSnapshot snapshot = snapshot(m);
      NodeFeatureBatch shared = features.of(snapshot);
      features.of(snapshot);
      NodeFeatureBatch expected = own.observe(snapshot);

      assertThat(shared.nodes()).isEqualTo(expected.nodes());
      assertThat(shared.unknown()).isEqualTo(expected.unknown());
      if (!expected.nodes().isEmpty()) {
        assertThat(shared.valuesOf(NODE)).isEqualTo(expected.valuesOf(NODE));
      }
    }
    assertThat(features.of(snapshot(42)).nodes()).containsExactly(NODE);
  }

  @Test
  void observes_another_snapshot_of_the_same_instant_afresh() {
    SnapshotFeatures features = new SnapshotFeatures();
    NodeFeatureBatch first = features.of(snapshot(10));

    assertThat(features.of(snapshot(10))).isNotSameAs(first);
  }
}
