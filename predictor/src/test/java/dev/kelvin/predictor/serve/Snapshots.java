package dev.kelvin.predictor.serve;

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
import java.util.function.IntToDoubleFunction;

/**
 * Snapshots as the simulator's loop sees them, for served-model tests: nodes read once a minute,
 * each view holding the last ten minutes, every node idle-looking; each node's corrected error
 * counter is a function of the minute.
 */
final class Snapshots {
  private Snapshots() {}

  static NodeId node(int k) {
    return NodeId.of("a", String.format("n%04d", k + 1));
  }

  static Instant minute(int m) {
    return MutableClock.START.plusSeconds(60L * m);
  }

  /**
   * The snapshot at minute {@code now} of nodes whose counters {@code errors[k]} give; the
   * nodes listed in {@code stale} are stale.
   */
  static ClusterSnapshot at(int now, IntToDoubleFunction[] errors, List<Integer> stale) {
    List<NodeView> views = new ArrayList<>();
    for (int k = 0; k < errors.length; k++) {
      List<NodeReading> window = new ArrayList<>();
      for (int m = Math.max(0, now - 10); m <= now; m++) {
        window.add(Readings.reading().node(node(k)).at(minute(m)).seq(m + 1)
            .with(NodeMetric.POWER_WATTS, 100).with(NodeMetric.CPU_TEMP_CELSIUS, 40)
            .with(NodeMetric.INLET_TEMP_CELSIUS, 24).with(NodeMetric.CPU_UTIL_RATIO, 0.1)
            .with(NodeMetric.ECC_CORRECTABLE_TOTAL, errors[k].applyAsDouble(m)).build());
      }
      NodeReading latest = window.get(window.size() - 1);
      views.add(new NodeView(node(k), latest.rack(), latest, window, latest.at(),
          stale.contains(k)));
    }
    return ClusterSnapshot.of(minute(now), views);
  }
}
