package dev.kelvin.core.loop;

import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one control tick saw and did: how many nodes, the predictions made, how many proposals
 * the guard approved, rejected, held or ran dry, how many leases were renewed, what went wrong
 * along the way, and how long the tick took to decide (not counting the hardware's answers).
 */
public record TickReport(Instant at, int nodes, List<Prediction> predictions, int proposed,
    int approved, int rejected, int held, int dryRun, int renewals, List<String> problems,
    Duration took) {
  public TickReport {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(took, "took");
    predictions = List.copyOf(predictions);
    problems = List.copyOf(problems);
  }
}
