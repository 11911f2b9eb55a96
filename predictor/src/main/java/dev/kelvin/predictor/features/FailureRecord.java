package dev.kelvin.predictor.features;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What {@link NodeFeatureTracker} knows of one node's failures: the starts of those seen live,
 * as the workload manager's DOWN transitions in the snapshots' availability, and of those read
 * back from the history ({@link #seed}), each once; and since when the node is watched. A
 * failure is known by its start: one read back and one seen live with the same {@code since}
 * are the same failure. Whether the node is down now comes from live availability only. Not
 * thread-safe: the tracker guards it.
 */
final class FailureRecord {
  private final List<Instant> failures = new ArrayList<>();
  private Instant watchedSince;
  private boolean availabilityKnown;
  private boolean down;

  /** A node first seen at {@code firstSeen}. */
  FailureRecord(Instant firstSeen) {
    this.watchedSince = firstSeen;
  }

  /** A new failure's start, when {@code availability} shows the node newly down. */
  Optional<Instant> see(NodeAvailability availability) {
    availabilityKnown = true;
    boolean nowDown = availability.state() == NodeAvailability.State.DOWN;
    boolean newFailure = nowDown && !down && (failures.isEmpty()
        || failures.get(failures.size() - 1).isBefore(availability.since()));
    down = nowDown;
    if (newFailure) {
      failures.add(availability.since());
      return Optional.of(availability.since());
    }
    return Optional.empty();
  }

  /**
   * Adds the failures of {@code read} not known yet, in time order, and watches the node since
   * it was first known, if that is earlier; returns the starts added.
   */
  List<Instant> seed(NodeFailures read) {
    availabilityKnown = true;
    if (read.watchedSince().isBefore(watchedSince)) {
      watchedSince = read.watchedSince();
    }
    List<Instant> added = new ArrayList<>();
    for (Instant failure : read.failures()) {
      int at = Collections.binarySearch(failures, failure);
      if (at < 0) {
        failures.add(-at - 1, failure);
        added.add(failure);
      }
    }
    return added;
  }

  /**
   * The failure-history features at {@code now} ({@link FailureHistoryFeatures}); NaN when the
   * snapshots never carried the node's availability and none was read back.
   */
  double[] features(Instant now, double systemLastDay) {
    if (!availabilityKnown) {
      double[] nan = new double[FailureHistoryFeatures.NAMES.size()];
      Arrays.fill(nan, Double.NaN);
      return nan;
    }
    return FailureHistoryFeatures.values(failures, watchedSince, now, systemLastDay);
  }
}
