package dev.kelvin.predictor.features;

import dev.kelvin.core.model.ClusterSnapshot;
import java.util.Objects;

/**
 * The node features of the latest snapshot, computed once for every model that reads them:
 * the failure and the anomaly model read the same {@code node-failure} features of the same
 * snapshot each tick, so they share one {@link NodeFeatureTracker} through this, and the
 * second model asking for a snapshot gets the batch the first one's call computed. The
 * snapshot is matched by identity (one tick's snapshot object); a different one, even of the
 * same instant, is observed afresh. Sharing also keeps what the tracker knows when a model is
 * replaced by a new file: the new model serves at once instead of waiting for the counters'
 * history again. Snapshots must come in time order; thread-safe.
 */
public final class SnapshotFeatures {
  private final NodeFeatureTracker tracker = new NodeFeatureTracker();
  private ClusterSnapshot last;
  private NodeFeatureBatch batch;

  /** The features of every node of {@code snapshot}; observes it unless it was the last one. */
  public synchronized NodeFeatureBatch of(ClusterSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (snapshot != last) {
      batch = tracker.observe(snapshot);
      last = snapshot;
    }
    return batch;
  }
}
