package dev.kelvin.core.state;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.port.ClusterView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live state of the cluster: the recent readings of every node, fed by telemetry and read
 * by the control loop and the dashboard. It admits a reading only if it is new for its node and
 * fresh when it arrives, drops exact duplicates, keeps late ones (older than the node's latest,
 * or older than the stale limit on arrival) out of the live view, and refuses readings from the
 * future. Thread-safe: many ingest threads may {@link #admit} while others take snapshots.
 *
 * <p>It lives in core, not in telemetry, so that the simulator keeps state exactly as live mode
 * does.
 */
public final class ClusterState implements ClusterView {
  private final StateSettings settings;
  private final ConcurrentHashMap<NodeId, NodeSeries> nodes = new ConcurrentHashMap<>();

  public ClusterState(StateSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Offers a validated reading received at {@code receivedAt} (the receiver's clock). */
  public Admission admit(NodeReading reading, Instant receivedAt) {
    if (reading.at().isAfter(receivedAt.plus(settings.maxFutureSkew()))) {
      return Admission.CLOCK_SKEW;
    }
    NodeSeries series = seriesFor(reading.node());
    if (series == null) {
      return Admission.UNKNOWN_NODE;
    }
    if (Duration.between(reading.at(), receivedAt).compareTo(settings.staleAfter()) > 0) {
      return Admission.LATE;
    }
    return series.offer(reading, receivedAt);
  }

  @Override
  public ClusterSnapshot snapshot(Instant now) {
    List<NodeView> views = new ArrayList<>(nodes.size());
    for (NodeSeries series : nodes.values()) {
      NodeView view = series.view(now, settings.staleAfter());
      if (view != null) {
        views.add(view);
      }
    }
    return ClusterSnapshot.of(now, views);
  }

  /** The number of nodes heard from so far. */
  public int nodeCount() {
    return nodes.size();
  }

  private NodeSeries seriesFor(NodeId node) {
    NodeSeries series = nodes.get(node);
    if (series != null) {
      return series;
    }
    boolean known = settings.inventory().isEmpty() || settings.inventory().contains(node);
    if (!known || nodes.size() >= settings.maxNodes()) {
      return null;
    }
    return nodes.computeIfAbsent(node, id -> new NodeSeries(id, settings.windowSize()));
  }
}
