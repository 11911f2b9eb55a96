package dev.kelvin.datasets.failure;

import java.time.Instant;
import java.util.Objects;

/**
 * One interval of a node's availability in a Failure Trace Archive event trace.
 *
 * @param nodeId the node's id in the trace
 * @param nodeName its name, like {@code G1/site1/c1/node1} (grid, site, cluster, node)
 * @param available whether the node was up in this interval (FTA event type 1) or down (0)
 * @param start the interval's start
 * @param stop its end, not before the start
 */
public record FtaEvent(int nodeId, String nodeName, boolean available, Instant start,
    Instant stop) {
  public FtaEvent {
    Objects.requireNonNull(nodeName, "nodeName");
    if (stop.isBefore(start)) {
      throw new IllegalArgumentException("event of " + nodeName + " stops at " + stop
          + " before it starts at " + start);
    }
  }
}
