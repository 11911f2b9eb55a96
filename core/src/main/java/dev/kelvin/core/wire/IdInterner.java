package dev.kelvin.core.wire;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each node id and rack id a decoder has seen, so that the readings a node's
 * window keeps share their node's and rack's ids instead of each holding copies decoded from
 * its own message: at 10,000 nodes with 120 readings each, those copies were half of what the
 * live state kept (172 of 337 MB). Bounded: once {@code maxIds} node ids (or rack ids) are
 * known, new ones are returned as given, so a flood of invented names cannot grow it. Thread-safe.
 */
public final class IdInterner {
  /** Twice the live state's default bound of nodes. */
  public static final int DEFAULT_MAX_IDS = 200_000;
  /** Keeps nothing: every id is returned as given. */
  public static final IdInterner NONE = new IdInterner(0);

  private final int maxIds;
  private final ConcurrentHashMap<NodeId, NodeId> nodes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RackId, RackId> racks = new ConcurrentHashMap<>();

  public IdInterner(int maxIds) {
    if (maxIds < 0) {
      throw new IllegalArgumentException("maxIds must be >= 0, was " + maxIds);
    }
    this.maxIds = maxIds;
  }

  /** The instance of {@code node} seen first, or {@code node} itself. */
  public NodeId node(NodeId node) {
    return intern(nodes, node);
  }

  /** The instance of {@code rack} seen first, or {@code rack} itself. */
  public RackId rack(RackId rack) {
    return intern(racks, rack);
  }

  /** Node ids known: at most {@code maxIds}. */
  public int nodeCount() {
    return nodes.size();
  }

  private <T> T intern(ConcurrentHashMap<T, T> known, T id) {
    T first = known.get(id);
    if (first != null) {
      return first;
    }
    if (known.size() >= maxIds) {
      return id;
    }
    T raced = known.putIfAbsent(id, id);
    return raced == null ? id : raced;
  }
}
