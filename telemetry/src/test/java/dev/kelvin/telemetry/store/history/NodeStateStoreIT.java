package dev.kelvin.telemetry.store.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodes' failure history from the workload manager's reports to InfluxDB and back, against
 * the real InfluxDB 1.x of scripts/services.sh: a live state whose changes of availability go to
 * the real {@code InfluxStore}, fed a report every minute, twice over (a restart reporting the
 * same again), then read back with {@link InfluxHistory#nodeFailures}.
 */
class NodeStateStoreIT {
  /** A fixed instant: the test database keeps points of any age. */
  private static final Instant T0 = Instant.parse("2026-01-02T00:00:00Z");
  private static final SiteId SITE = SiteId.of("site-a");
  private static final NodeId N1 = NodeId.of("site-a", "n01");
  private static final NodeId N2 = NodeId.of("site-a", "n02");

  @TempDir
  Path spoolDir;
  private HistoryDatabase db;

  @AfterEach
  void drop() {
    if (db != null) {
      db.close();
    }
  }

  private static Instant minute(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  /** The report at minute {@code m}: n01 down from 10 to 20 and from 40 on, n02 busy at 30. */
  private static List<NodeAvailability> report(int m) {
    NodeAvailability n1 = m >= 40 ? NodeAvailability.of(N1, State.DOWN, minute(40))
        : m >= 20 ? NodeAvailability.of(N1, State.IDLE, minute(20))
        : m >= 10 ? NodeAvailability.of(N1, State.DOWN, minute(10))
        : NodeAvailability.of(N1, State.IDLE, minute(0));
    NodeAvailability n2 = m >= 30 ? NodeAvailability.of(N2, State.BUSY, minute(30))
        : NodeAvailability.of(N2, State.IDLE, minute(0));
    return List.of(n1, n2);
  }

  @Test
  void state_changes_written_through_the_store_come_back_as_each_nodes_failures_once() {
    db = new HistoryDatabase(spoolDir);
    for (int run = 0; run < 2; run++) {
      db.writeThrough(store -> {
        ClusterState state = new ClusterState(StateSettings.defaults(), store);
        for (int m = 0; m < 50; m++) {
          state.replaceAvailability(SITE, report(m));
        }
      });
    }

    assertThat(db.rows("SELECT count(\"since_ms\") FROM \"node_state\"").get(0).get(1))
        .as("one point per change: n01's four states and n02's two, though reported 100 times")
        .isEqualTo(6.0);
    try (InfluxHistory history = new InfluxHistory(db.settings())) {
      assertThat(history.nodeFailures(Optional.of(SITE), minute(5), minute(60)))
          .containsExactly(new NodeFailures(N1, minute(5), List.of(minute(10), minute(40))),
              new NodeFailures(N2, minute(5), List.of()));
      assertThat(history.nodeFailures(Optional.empty(), minute(15), minute(40)))
          .as("the range's end excluded")
          .containsExactly(new NodeFailures(N1, minute(15), List.of()),
              new NodeFailures(N2, minute(15), List.of()));
    }
  }
}
