package dev.kelvin.predictor.features;

import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import java.time.Instant;
import java.util.List;

/**
 * Where the nodes' failures come from, for the sites whose availability (the workload manager's
 * report) a tick carries for the first time: without it a node's failure history is unknown.
 */
@FunctionalInterface
public interface FailureSeeds {
  /** No history: every node's failures are those seen live. */
  FailureSeeds NONE = (firstSeen, now) -> List.of();

  /**
   * The failures read back so far, of the nodes of any site seen before; {@code firstSeen}
   * are the sites whose availability the snapshot at {@code now} carries for the first time,
   * to be asked.
   */
  List<NodeFailures> seeds(List<SiteId> firstSeen, Instant now);
}
