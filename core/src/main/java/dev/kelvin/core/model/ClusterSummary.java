package dev.kelvin.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The few figures everybody quotes about the cluster at one instant: nodes known, how many are
 * stale, the total power of the fresh ones and the hottest fresh CPU. Computed in this one
 * place, so that the status line, the dashboard and {@code /metrics} never disagree.
 */
public record ClusterSummary(Instant at, int nodes, int staleNodes, double totalPowerWatts,
    Optional<Hottest> hottest) {

  /** The fresh node whose CPU runs hottest, with its limit when it reports one. */
  public record Hottest(NodeId node, double cpuTempCelsius, OptionalDouble limitCelsius) {
    public Hottest {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(limitCelsius, "limitCelsius");
    }
  }

  public ClusterSummary {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(hottest, "hottest");
  }

  /** Nodes with fresh telemetry. */
  public int freshNodes() {
    return nodes - staleNodes;
  }

  public static ClusterSummary of(ClusterSnapshot snapshot) {
    int stale = 0;
    double power = 0;
    NodeView hottest = null;
    double hottestCelsius = Double.NEGATIVE_INFINITY;
    for (NodeView view : snapshot.views()) {
      if (view.stale()) {
        stale++;
        continue;
      }
      // NaN is an absent metric: no Optional per node, as this runs on every tick
      MetricValues latest = view.latest().metrics();
      double watts = latest.getOrNaN(NodeMetric.POWER_WATTS);
      power += Double.isNaN(watts) ? 0 : watts;
      double celsius = latest.getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
      if (celsius > hottestCelsius) {
        hottest = view;
        hottestCelsius = celsius;
      }
    }
    Optional<Hottest> top = hottest == null ? Optional.empty() : Optional.of(new Hottest(
        hottest.id(), hottestCelsius, hottest.latest(NodeMetric.CPU_TEMP_LIMIT_CELSIUS)));
    return new ClusterSummary(snapshot.at(), snapshot.nodes().size(), stale, power, top);
  }
}
