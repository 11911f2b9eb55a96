package dev.kelvin.core.loop;

import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one control tick saw and did: the cluster's summary figures (nodes, stale nodes, power,
 * the hottest CPU), the predictions made, how many proposals the guard approved, rejected,
 * held or ran dry, how many leases were renewed and how many it holds after the tick, what went
 * wrong along the way, and how long the tick took to decide (not counting the hardware's
 * answers), and why the controller was blind through its own ingest delay, if it was
 * (its decisions held). The status line, the dashboard and {@code /metrics} read the latest one, so they
 * show the same figures and take no snapshot of their own.
 */
public record TickReport(Instant at, ClusterSummary summary, List<Prediction> predictions,
    int proposed, int approved, int rejected, int held, int dryRun, int renewals,
    int heldSetpoints, List<String> problems, Duration took, Optional<String> blind) {
  public TickReport {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(blind, "blind");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(took, "took");
    predictions = List.copyOf(predictions);
    problems = List.copyOf(problems);
  }

  /** A report of a tick that saw no ingest backlog. */
  public TickReport(Instant at, ClusterSummary summary, List<Prediction> predictions,
      int proposed, int approved, int rejected, int held, int dryRun, int renewals,
      int heldSetpoints, List<String> problems, Duration took) {
    this(at, summary, predictions, proposed, approved, rejected, held, dryRun, renewals,
        heldSetpoints, problems, took, Optional.empty());
  }

  /** The number of nodes in the snapshot. */
  public int nodes() {
    return summary.nodes();
  }
}
