package dev.kelvin.simulator;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.simulator.failure.PrecursorSettings;
import dev.kelvin.simulator.failure.Precursors;
import dev.kelvin.simulator.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The corrected memory error counter of one node of a {@link SimulatedSite}
 * ({@code ecc_correctable_total}): a whole, never-falling count that rises at the node's own
 * low background rate, drawn as the planning simulator draws it ({@link Precursors} with no
 * failures: the mean rate {@link PrecursorSettings#DEFAULT_BACKGROUND_ERRORS_PER_HOUR} per hour
 * times a per-node multiplier of mean 1, and a per-node phase). A site of this package plans no
 * failures, so no counter shows the precursor rise that comes before one; it reads 0 at the
 * site's start. A pure function of the seed, the node and the time, so it does not depend on
 * how often it is sampled.
 */
final class CorrectedErrorCounter {
  private final Precursors background;
  private final Instant start;

  /** The counter of {@code node} on a site started at {@code start} with {@code seed}. */
  CorrectedErrorCounter(NodeId node, long seed, Instant start) {
    Objects.requireNonNull(node, "node");
    this.start = Objects.requireNonNull(start, "start");
    this.background = new Precursors(List.of(), 1,
        Seeds.derive(seed, "ecc-corrected", node.toString()), backgroundOnly());
  }

  /** The errors counted from the site's start up to {@code at}. */
  double countAt(Instant at) {
    double seconds = Duration.between(start, at).toNanos() / 1e9;
    return background.correctableErrors(0, seconds);
  }

  /** The default precursor model; with no failures planned only its background rate counts. */
  private static PrecursorSettings backgroundOnly() {
    return new PrecursorSettings(PrecursorSettings.DEFAULT_LEAD, 0,
        PrecursorSettings.DEFAULT_BACKGROUND_ERRORS_PER_HOUR,
        PrecursorSettings.DEFAULT_PEAK_FACTOR, PrecursorSettings.DEFAULT_PEAK_TEMP_DRIFT_C);
  }
}
