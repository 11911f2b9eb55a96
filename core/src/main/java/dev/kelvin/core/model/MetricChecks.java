package dev.kelvin.core.model;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Checks that make a set of metrics consistent where it is reported: every metric may be
 * reported there (a GPU's power limit belongs to a GPU, not to the node), and each minimum is
 * not above its maximum.
 */
final class MetricChecks {
  private static final List<NodeMetric[]> ORDERED = List.of(
      new NodeMetric[] {NodeMetric.CPU_FREQ_MIN_MHZ, NodeMetric.CPU_FREQ_MAX_MHZ},
      new NodeMetric[] {NodeMetric.NODE_POWER_CAP_MIN_WATTS, NodeMetric.NODE_POWER_CAP_MAX_WATTS},
      new NodeMetric[] {NodeMetric.GPU_POWER_LIMIT_MIN_WATTS,
          NodeMetric.GPU_POWER_LIMIT_MAX_WATTS});

  private static final NodeMetric[] METRICS = NodeMetric.values();

  private MetricChecks() {}

  static void requireValid(MetricValues metrics, Optional<Device> where) {
    // every reading passes here (ingest, snapshots): the metrics in declaration order, read in
    // place rather than through a map built for the purpose
    for (NodeMetric metric : METRICS) {
      if (metrics.has(metric) && !metric.allowedAt(where)) {
        throw new ValidationException(RejectReason.INCONSISTENT, metric.wireName(),
            metric.wireName() + " cannot be reported " + place(where) + ": "
                + (metric.atNode() ? "it is a node metric" : "it belongs in the "
                + metric.deviceKindName() + " entries"));
      }
    }
    for (NodeMetric[] pair : ORDERED) {
      requireOrdered(metrics, pair[0], pair[1], where);
    }
  }

  private static void requireOrdered(MetricValues metrics, NodeMetric low, NodeMetric high,
      Optional<Device> where) {
    if (metrics.has(low) && metrics.has(high)
        && metrics.getOrNaN(low) > metrics.getOrNaN(high)) {
      throw new ValidationException(RejectReason.INCONSISTENT, low.wireName(),
          low.wireName() + " (" + Numbers.plain(metrics.getOrNaN(low), 3) + " " + low.unit()
              + ") is above " + high.wireName() + " (" + Numbers.plain(metrics.getOrNaN(high), 3)
              + " " + high.unit() + ") " + place(where) + ": the two fields are likely swapped");
    }
  }

  private static String place(Optional<Device> where) {
    return where.map(device -> "for " + device).orElse("for the node");
  }
}
