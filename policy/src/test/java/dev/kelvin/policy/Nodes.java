package dev.kelvin.policy;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Builds node views and snapshots for rule and guard tests, all at {@link #NOW}. */
public final class Nodes {
  /** The instant of every snapshot these helpers build. */
  public static final Instant NOW = MutableClock.START.plusSeconds(600);

  private Nodes() {}

  /** A node heard from 2 s before {@link #NOW}. */
  public static NodeView fresh(Readings reading) {
    NodeReading latest = reading.at(NOW.minusSeconds(2)).build();
    return new NodeView(latest.node(), latest.rack(), latest, java.util.List.of(latest),
        NOW.minusSeconds(2), false);
  }

  /** A node last heard from {@code silence} before {@link #NOW}, marked stale. */
  public static NodeView stale(Readings reading, Duration silence) {
    NodeReading latest = reading.at(NOW.minus(silence)).build();
    return new NodeView(latest.node(), latest.rack(), latest, java.util.List.of(latest),
        NOW.minus(silence), true);
  }

  public static ClusterSnapshot snapshot(NodeView... views) {
    return ClusterSnapshot.of(NOW, Arrays.asList(views));
  }
}
