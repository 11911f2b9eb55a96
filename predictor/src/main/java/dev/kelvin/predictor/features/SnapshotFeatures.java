package dev.kelvin.predictor.features;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.predictor.history.BackfillRetries;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.history.HistoryReadBack;
import dev.kelvin.predictor.history.NodeCounters;
import dev.kelvin.predictor.history.ScopeHistory;
import dev.kelvin.predictor.history.SiteFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The node features of the latest snapshot, computed once for every model that reads them:
 * the failure and the anomaly model read the same {@code node-failure} features of the same
 * snapshot each tick, so they share one {@link NodeFeatureTracker} through this, and the
 * second model asking for a snapshot gets the batch the first one's call computed. The
 * snapshot is matched by identity (one tick's snapshot object); a different one, even of the
 * same instant, is observed afresh. Sharing also keeps what the tracker knows when a model is
 * replaced by a new file: the new model serves at once instead of waiting for the counters'
 * history again.
 *
 * <p><b>History at start.</b> With a {@link HistoryBackfill} that has a source ({@link
 * #withHistory}), the memory error counters of each node seen for the first time are asked for
 * the {@link NodeFeatureTracker#COUNTER_HISTORY} before that tick, a value a minute, all the
 * nodes of one tick in one request off this thread; what has come back is put before the live
 * values at the start of a later tick (of the same tick when the request answered at once). A
 * node whose request failed keeps its live counters and is asked again ({@link
 * BackfillRetries}: 30 s, doubling up to 10 min). The failures of the nodes of each site seen
 * for the first time are asked likewise, one query a site over {@link
 * NodeFeatureTracker#FAILURE_HISTORY} before that tick, retried apart from the counters.
 * Snapshots must come in time order; thread-safe.
 */
public final class SnapshotFeatures {
  private final NodeFeatureTracker tracker = new NodeFeatureTracker();
  private final HistoryBackfill backfill;
  private final HistoryReadBack readBack;
  private final HistoryReadBack failuresBack;
  private SnapshotFeatures withHistory;
  private ClusterSnapshot last;
  private NodeFeatureBatch batch;

  /** Features from live snapshots only. */
  public SnapshotFeatures() {
    this(HistoryBackfill.none());
  }

  /** Features whose nodes' counters are read back through {@code backfill} at first sight. */
  public SnapshotFeatures(HistoryBackfill backfill) {
    this.backfill = Objects.requireNonNull(backfill, "backfill");
    this.readBack = new HistoryReadBack(backfill, new BackfillRetries());
    this.failuresBack = new HistoryReadBack(backfill, new BackfillRetries());
  }

  /**
   * Features like these, their counters read back through {@code history}: the same instance
   * for every call with the same backfill, so that the loaders that shared these features share
   * those too.
   */
  public synchronized SnapshotFeatures withHistory(HistoryBackfill history) {
    Objects.requireNonNull(history, "history");
    if (history == backfill) {
      return this;
    }
    if (withHistory == null || withHistory.backfill != history) {
      withHistory = new SnapshotFeatures(history);
    }
    return withHistory;
  }

  /** The features of every node of {@code snapshot}; observes it unless it was the last one. */
  public synchronized NodeFeatureBatch of(ClusterSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (snapshot != last) {
      batch = tracker.observe(snapshot, this::seeds, this::failures);
      last = snapshot;
    }
    return batch;
  }

  /** Asks the failures of the sites first seen at {@code now}; those come back so far. */
  private List<NodeFailures> failures(List<SiteId> firstSeen, Instant now) {
    for (SiteId site : firstSeen) {
      failuresBack.firstSeen(ForecastScope.site(site));
    }
    failuresBack.askFailures(now, NodeFeatureTracker.FAILURE_HISTORY);
    List<NodeFailures> failures = new ArrayList<>();
    for (ScopeHistory read : failuresBack.arrived(now, scope -> true)) {
      if (read instanceof SiteFailures each) {
        failures.addAll(each.nodes());
      }
    }
    return failures;
  }

  /** Asks the past of the nodes first seen at {@code now}; the counters come back so far. */
  private List<NodeCounters> seeds(List<NodeId> firstSeen, Instant now) {
    for (NodeId node : firstSeen) {
      readBack.firstSeen(ForecastScope.node(node));
    }
    readBack.askCounters(now, NodeFeatureTracker.COUNTER_HISTORY,
        NodeFeatureTracker.COUNTER_STEP);
    List<NodeCounters> counters = new ArrayList<>();
    for (ScopeHistory read : readBack.arrived(now, scope -> true)) {
      if (read instanceof NodeCounters each) {
        counters.add(each);
      }
    }
    return counters;
  }
}
