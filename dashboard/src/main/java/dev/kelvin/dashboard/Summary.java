package dev.kelvin.dashboard;

import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.model.ClusterSummary;

/**
 * The site summary the page's header and power chart draw from: the cluster's summary figures
 * (nodes reporting and stale, total power of the fresh nodes, the hottest fresh CPU, computed
 * once in core's {@link ClusterSummary}), actions (known to the log, first seen in the last ten
 * minutes, applied since start) and ingest counts. {@code hottest} and the ingest counts are
 * {@code null} when unknown.
 */
record Summary(String at, int nodes, int staleNodes, double totalPowerWatts, Hottest hottest,
    int actionsTotal, int actionsLast10Min, long actionsApplied, Long ingestAccepted,
    Long ingestRejected) {

  /** The fresh node with the highest CPU temperature. */
  record Hottest(String site, String node, double cpuTempCelsius, Double cpuTempLimitCelsius) {}

  static Summary of(ClusterSummary figures, int actionsTotal, int actionsLast10Min,
      long actionsApplied, IngestStats ingest) {
    Hottest hottest = figures.hottest().map(top -> new Hottest(top.node().site().value(),
        top.node().name(), top.cpuTempCelsius(), top.limitCelsius().isPresent()
            ? top.limitCelsius().getAsDouble() : null)).orElse(null);
    return new Summary(figures.at().toString(), figures.nodes(), figures.staleNodes(),
        figures.totalPowerWatts(), hottest, actionsTotal, actionsLast10Min, actionsApplied,
        ingest == null ? null : ingest.accepted(),
        ingest == null ? null : ingest.rejectedTotal());
  }
}
