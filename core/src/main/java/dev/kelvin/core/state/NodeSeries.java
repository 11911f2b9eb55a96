package dev.kelvin.core.state;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The recent readings of one node, newest last, in a ring buffer. Guarded by its monitor. */
final class NodeSeries {
  private final NodeId id;
  private final NodeReading[] ring;
  private int size;
  private int next;
  private Instant lastReceived;
  private boolean forgotten;

  NodeSeries(NodeId id, int capacity) {
    this.id = id;
    this.ring = new NodeReading[capacity];
  }

  NodeId id() {
    return id;
  }

  /**
   * Offers a reading; null when this series was forgotten (the caller registers the node
   * afresh), so a reading never lands in a series that left the state.
   */
  synchronized Admission offer(NodeReading reading, Instant receivedAt) {
    if (forgotten) {
      return null;
    }
    NodeReading latest = latest();
    if (latest != null && reading.at().equals(latest.at()) && reading.seq() == latest.seq()) {
      return completes(latest, reading, receivedAt);
    }
    if (latest != null && !reading.at().isAfter(latest.at())) {
      return seenBefore(reading) ? Admission.DUPLICATE : Admission.LATE;
    }
    ring[next] = reading;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
    lastReceived = receivedAt;
    return Admission.ACCEPTED;
  }

  /**
   * A reading with the time and sequence number of the latest one: a redelivery when it adds
   * nothing, else another part of the same sample (Telegraf sends each input plugin's metrics
   * of one interval in a message of its own, all with one timestamp), merged into the latest.
   */
  private Admission completes(NodeReading latest, NodeReading part, Instant receivedAt) {
    NodeReading merged = NodeReadings.merged(latest, part);
    if (merged.equals(latest)) {
      return Admission.DUPLICATE;
    }
    ring[Math.floorMod(next - 1, ring.length)] = merged;
    lastReceived = receivedAt;
    return Admission.ACCEPTED;
  }

  /** Marks this series forgotten when nothing was received since before {@code instant}. */
  synchronized boolean forgetIfSilentSince(Instant instant) {
    if (!forgotten && lastReceived != null && lastReceived.isBefore(instant)) {
      forgotten = true;
    }
    return forgotten;
  }

  /** The node as of {@code now}, or null before its first reading is in. */
  synchronized NodeView view(Instant now, Duration staleAfter) {
    NodeReading latest = latest();
    if (latest == null) {
      return null;
    }
    List<NodeReading> window = new ArrayList<>(size);
    for (int i = size; i > 0; i--) {
      window.add(ring[Math.floorMod(next - i, ring.length)]);
    }
    boolean stale = Duration.between(lastReceived, now).compareTo(staleAfter) > 0;
    return new NodeView(id, latest.rack(), latest, window, lastReceived, stale);
  }

  private NodeReading latest() {
    return size == 0 ? null : ring[Math.floorMod(next - 1, ring.length)];
  }

  /** Whether the window holds a reading with the same time and sequence number. */
  private boolean seenBefore(NodeReading reading) {
    for (int i = 1; i <= size; i++) {
      NodeReading held = ring[Math.floorMod(next - i, ring.length)];
      if (held.at().isBefore(reading.at())) {
        return false;
      }
      if (held.at().equals(reading.at()) && held.seq() == reading.seq()) {
        return true;
      }
    }
    return false;
  }
}
