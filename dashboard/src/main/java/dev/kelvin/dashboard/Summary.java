package dev.kelvin.dashboard;

import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import java.util.OptionalDouble;

/**
 * The site summary the page's header and power chart draw from: nodes reporting and stale,
 * total power of the fresh nodes, the hottest fresh CPU, actions (all known and first seen in
 * the last ten minutes) and ingest counts. {@code hottest} and the ingest counts are
 * {@code null} when unknown.
 */
record Summary(String at, int nodes, int staleNodes, double totalPowerWatts, Hottest hottest,
    int actionsTotal, int actionsLast10Min, Long ingestAccepted, Long ingestRejected) {

  /** The fresh node with the highest CPU temperature. */
  record Hottest(String site, String node, double cpuTempCelsius, Double cpuTempLimitCelsius) {}

  static Summary of(ClusterSnapshot snapshot, int actionsTotal, int actionsLast10Min,
      IngestStats ingest) {
    int stale = 0;
    for (NodeView view : snapshot.views()) {
      stale += view.stale() ? 1 : 0;
    }
    return new Summary(snapshot.at().toString(), snapshot.nodes().size(), stale,
        snapshot.totalPowerWatts(), hottest(snapshot), actionsTotal, actionsLast10Min,
        ingest == null ? null : ingest.accepted(), ingest == null ? null : ingest.rejectedTotal());
  }

  private static Hottest hottest(ClusterSnapshot snapshot) {
    NodeView hottest = null;
    double hottestCelsius = Double.NEGATIVE_INFINITY;
    for (NodeView view : snapshot.views()) {
      OptionalDouble celsius = view.latest(NodeMetric.CPU_TEMP_CELSIUS);
      if (!view.stale() && celsius.isPresent() && celsius.getAsDouble() > hottestCelsius) {
        hottest = view;
        hottestCelsius = celsius.getAsDouble();
      }
    }
    if (hottest == null) {
      return null;
    }
    OptionalDouble limit = hottest.latest(NodeMetric.CPU_TEMP_LIMIT_CELSIUS);
    return new Hottest(hottest.id().site().value(), hottest.id().name(), hottestCelsius,
        limit.isPresent() ? limit.getAsDouble() : null);
  }
}
