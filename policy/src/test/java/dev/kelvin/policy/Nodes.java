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

  /**
   * A node heard from 2 s before {@link #NOW} that has read the same for the minute before:
   * one reading every 5 s, so its cap has settled and its history covers the settle time.
   */
  public static NodeView fresh(Readings reading) {
    java.util.List<NodeReading> window = new java.util.ArrayList<>();
    for (int ago = 62, seq = 1; ago >= 2; ago -= 5, seq++) {
      window.add(reading.at(NOW.minusSeconds(ago)).seq(seq).build());
    }
    NodeReading latest = window.get(window.size() - 1);
    return new NodeView(latest.node(), latest.rack(), latest, window, NOW.minusSeconds(2), false);
  }

  /**
   * A node heard from 2 s before {@link #NOW} whose readings changed from {@code before} to
   * {@code after} {@code changedAgo} before {@link #NOW}, with a minute of history in all.
   */
  public static NodeView changed(Readings before, Duration changedAgo, Readings after) {
    java.util.List<NodeReading> window = new java.util.ArrayList<>();
    for (int ago = 62, seq = 1; ago >= 2; ago -= 1, seq++) {
      Readings source = ago > changedAgo.toSeconds() ? before : after;
      window.add(source.at(NOW.minusSeconds(ago)).seq(seq).build());
    }
    NodeReading latest = window.get(window.size() - 1);
    return new NodeView(latest.node(), latest.rack(), latest, window, NOW.minusSeconds(2), false);
  }

  /** A node heard from once, 2 s before {@link #NOW}: it has no history yet. */
  public static NodeView firstReading(Readings reading) {
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
