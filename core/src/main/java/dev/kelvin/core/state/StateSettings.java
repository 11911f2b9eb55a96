package dev.kelvin.core.state;

import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the live cluster state keeps readings.
 *
 * @param windowSize readings kept per node for features (oldest dropped first)
 * @param staleAfter a node not heard from for this long is stale: shown, but not acted on; and
 *     a reading already older than this when it arrives (replayed from a queue or an agent's
 *     backlog after an outage) is late: it belongs in the store, never in the live view, so
 *     the controller never acts on data older than twice this
 * @param maxFutureSkew a reading stamped further than this ahead of the receiver's clock is
 *     rejected as clock skew. A reading stamped ahead by less is accepted, and the node's next
 *     real readings count as late until their time passes its stamp: so this is also the
 *     longest a wrong stamp can hide a node's real readings. It must be shorter than
 *     {@code staleAfter}, or one such reading could make a live node look stale and stop the
 *     renewal of its caps. The default, 2 s, is many times what NTP-synchronised clocks
 *     disagree by (milliseconds) and hides at most two readings at 1 Hz
 * @param forgetAfter a node not heard from for this long is gone: dropped from the state, so
 *     it leaves the live view and the count of stale nodes, and registers again like a new
 *     node if it comes back. It must be longer than {@code staleAfter}, so a silent node is
 *     first shown stale (its held setpoints lapse, health says so) before it disappears. The
 *     default, 1 h, keeps a node through a reboot or a short maintenance as stale, and keeps
 *     a flood of bogus names in an open inventory from holding a slot for more than an hour
 * @param maxNodes the most nodes the state will track, a guard against floods of bogus names
 * @param inventory when not empty, the only nodes accepted; when empty, nodes register on
 *     their first valid reading
 */
public record StateSettings(int windowSize, Duration staleAfter, Duration maxFutureSkew,
    Duration forgetAfter, int maxNodes, Set<NodeId> inventory) {
  public StateSettings {
    if (windowSize < 1) {
      throw new IllegalArgumentException("windowSize must be >= 1 reading, was " + windowSize);
    }
    positive("staleAfter", staleAfter);
    positive("maxFutureSkew", maxFutureSkew);
    if (maxFutureSkew.compareTo(staleAfter) >= 0) {
      throw new IllegalArgumentException("maxFutureSkew must be shorter than staleAfter ("
          + staleAfter + "), was " + maxFutureSkew + ": a reading stamped that far ahead would"
          + " hide the node's real readings until the node looks stale");
    }
    positive("forgetAfter", forgetAfter);
    if (forgetAfter.compareTo(staleAfter) <= 0) {
      throw new IllegalArgumentException("forgetAfter must be longer than staleAfter ("
          + staleAfter + "), was " + forgetAfter + ": a silent node would vanish before it"
          + " is ever shown stale");
    }
    if (maxNodes < 1) {
      throw new IllegalArgumentException("maxNodes must be >= 1, was " + maxNodes);
    }
    inventory = Set.copyOf(inventory);
  }

  /**
   * 120 readings per node, stale (and late) after 10 s, 2 s future skew, forgotten after 1 h
   * of silence, 100k nodes, any node name.
   */
  public static StateSettings defaults() {
    return new StateSettings(120, Duration.ofSeconds(10), Duration.ofSeconds(2),
        Duration.ofHours(1), 100_000, Set.of());
  }

  public StateSettings withInventory(Set<NodeId> nodes) {
    return new StateSettings(windowSize, staleAfter, maxFutureSkew, forgetAfter, maxNodes,
        nodes);
  }

  public StateSettings withStaleAfter(Duration duration) {
    return new StateSettings(windowSize, duration, maxFutureSkew, forgetAfter, maxNodes,
        inventory);
  }

  public StateSettings withForgetAfter(Duration duration) {
    return new StateSettings(windowSize, staleAfter, maxFutureSkew, duration, maxNodes,
        inventory);
  }

  private static void positive(String field, Duration duration) {
    Objects.requireNonNull(duration, field);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + duration);
    }
  }
}
