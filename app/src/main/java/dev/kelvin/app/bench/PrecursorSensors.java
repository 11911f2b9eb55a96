package dev.kelvin.app.bench;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.simulator.SiteSpec;
import dev.kelvin.simulator.failure.PlannedFailure;
import dev.kelvin.simulator.failure.PrecursorSettings;
import dev.kelvin.simulator.failure.Precursors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a few nodes of a bench site report as a failure nears: their corrected memory error
 * counter and CPU temperature as the simulator's failure model draws them ({@link Precursors},
 * every failure showing signals), in place of the quiet background counter the bench site's
 * nodes report. Every {@code every}-th node fails at a time spread over
 * {@code [firstFailure, firstFailure + spread)}; a node the plan does not name reads as the site
 * made it.
 */
final class PrecursorSensors implements UnaryOperator<NodeReading> {
  private final Instant start;
  private final Map<NodeId, Integer> index = new HashMap<>();
  private final Precursors precursors;

  /**
   * @param start the site's start, second 0 of the precursor model
   * @param count how many nodes show precursors, spread evenly over the site
   */
  PrecursorSensors(SiteSpec spec, long seed, Instant start, int count, Duration firstFailure,
      Duration spread) {
    if (count < 0 || count > spec.nodeCount()) {
      throw new IllegalArgumentException("count must be 0 to the site's " + spec.nodeCount()
          + " nodes, was " + count);
    }
    this.start = start;
    List<PlannedFailure> plan = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      index.put(spec.nodeId((int) ((long) k * spec.nodeCount() / count)), k);
      double atS = seconds(firstFailure) + seconds(spread) * k / Math.max(1, count);
      plan.add(new PlannedFailure(k, atS, 3_600));
    }
    precursors = new Precursors(plan, count, seed, new PrecursorSettings(
        PrecursorSettings.DEFAULT_LEAD, 1, PrecursorSettings.DEFAULT_BACKGROUND_ERRORS_PER_HOUR,
        PrecursorSettings.DEFAULT_PEAK_FACTOR, PrecursorSettings.DEFAULT_PEAK_TEMP_DRIFT_C));
  }

  /** The nodes that show precursors. */
  List<NodeId> nodes() {
    return index.keySet().stream().sorted().toList();
  }

  @Override
  public NodeReading apply(NodeReading reading) {
    Integer k = index.get(reading.node());
    if (k == null) {
      return reading;
    }
    double tS = Duration.between(start, reading.at()).toMillis() / 1000.0;
    MetricValues metrics = reading.metrics()
        .with(NodeMetric.ECC_CORRECTABLE_TOTAL, precursors.correctableErrors(k, tS));
    double cpu = metrics.getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
    if (!Double.isNaN(cpu)) {
      metrics = metrics.with(NodeMetric.CPU_TEMP_CELSIUS, cpu + precursors.tempDriftC(k, tS));
    }
    return new NodeReading(reading.node(), reading.rack(), reading.at(), reading.seq(), metrics,
        reading.devices());
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
