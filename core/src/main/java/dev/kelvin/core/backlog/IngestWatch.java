package dev.kelvin.core.backlog;

import dev.kelvin.core.model.NodeId;
import java.time.Instant;
import java.util.Optional;

/** What the control loop needs to know of ingestion to tell its own blindness from a node's. */
public interface IngestWatch {
  /** A watch that never sees a backlog: every stale node is the node's own fault. */
  IngestWatch NONE = new IngestWatch() {
    @Override
    public Optional<String> blind(Instant now) {
      return Optional.empty();
    }

    @Override
    public boolean stillArriving(NodeId node, Instant now) {
      return false;
    }
  };

  /** Why the controller cannot see the nodes' present at {@code now}, if it cannot. */
  Optional<String> blind(Instant now);

  /**
   * Whether a reading of {@code node} reached the controller (accepted or late) within the
   * state's stale limit before {@code now}: a node that is stale in the state but still
   * arriving is stale through the controller's delay, not its own silence.
   */
  boolean stillArriving(NodeId node, Instant now);
}
