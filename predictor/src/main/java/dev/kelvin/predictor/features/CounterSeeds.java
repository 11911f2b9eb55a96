package dev.kelvin.predictor.features;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.history.NodeCounters;
import java.time.Instant;
import java.util.List;

/** Where the counters' past comes from, for the nodes of a tick seen for the first time. */
@FunctionalInterface
public interface CounterSeeds {
  /** No history: every node starts from its live readings. */
  CounterSeeds NONE = (firstSeen, now) -> List.of();

  /**
   * The counters read back so far, of any node seen before; {@code firstSeen} are the nodes
   * of the snapshot at {@code now} seen for the first time, whose past is to be asked.
   */
  List<NodeCounters> seeds(List<NodeId> firstSeen, Instant now);
}
