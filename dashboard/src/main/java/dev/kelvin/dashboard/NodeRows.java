package dev.kelvin.dashboard;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Turns a snapshot and the latest predictions into node rows, in node order: every node heard
 * from, and every node the workload manager reports though it sends no telemetry (a down node
 * is often silent, and an operator must still see it).
 */
final class NodeRows {
  private NodeRows() {}

  static List<NodeRow> of(ClusterSnapshot snapshot, List<Prediction> predictions) {
    Map<NodeId, LoadForecast> forecasts = nearestNodeForecasts(predictions);
    TreeSet<NodeId> ids = new TreeSet<>(snapshot.nodes().keySet());
    ids.addAll(snapshot.availability().keySet());
    List<NodeRow> rows = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      NodeAvailability availability = snapshot.availability().get(id);
      NodeView view = snapshot.nodes().get(id);
      LoadForecast forecast = forecasts.get(id);
      Double forecastWatts = forecast == null ? null : forecast.powerWatts();
      rows.add(view == null ? silentRow(id, availability, forecastWatts)
          : row(view, snapshot, forecastWatts, availability));
    }
    return rows;
  }

  private static NodeRow row(NodeView view, ClusterSnapshot snapshot, Double forecastWatts,
      NodeAvailability availability) {
    Duration age = Duration.between(view.latest().at(), snapshot.at());
    double ageSeconds = Math.round(age.toMillis() / 100.0) / 10.0;
    return new NodeRow(view.id().site().value(), view.id().name(), view.rack().value(),
        view.latest().at().toString(), ageSeconds, view.stale(),
        value(view, NodeMetric.POWER_WATTS), value(view, NodeMetric.CPU_TEMP_CELSIUS),
        value(view, NodeMetric.CPU_TEMP_LIMIT_CELSIUS), value(view, NodeMetric.INLET_TEMP_CELSIUS),
        value(view, NodeMetric.CPU_UTIL_RATIO), value(view, NodeMetric.CPU_FREQ_MHZ),
        value(view, NodeMetric.CPU_FREQ_CAP_MHZ), value(view, NodeMetric.CPU_FREQ_MAX_MHZ),
        forecastWatts, state(availability), drained(availability),
        drainedByKelvin(availability), since(availability));
  }

  /** A node the workload manager reports that has sent no telemetry: only its availability. */
  private static NodeRow silentRow(NodeId id, NodeAvailability availability,
      Double forecastWatts) {
    return new NodeRow(id.site().value(), id.name(), null, null, null, false, null, null, null,
        null, null, null, null, null, forecastWatts, state(availability), drained(availability),
        drainedByKelvin(availability), since(availability));
  }

  private static String state(NodeAvailability availability) {
    return availability == null ? null : availability.state().name().toLowerCase(Locale.ROOT);
  }

  private static Boolean drained(NodeAvailability availability) {
    return availability == null ? null : availability.drained();
  }

  private static Boolean drainedByKelvin(NodeAvailability availability) {
    return availability == null ? null : availability.drainedByKelvin();
  }

  private static String since(NodeAvailability availability) {
    return availability == null ? null : availability.since().toString();
  }

  private static Double value(NodeView view, NodeMetric metric) {
    OptionalDouble value = view.latest(metric);
    return value.isPresent() ? value.getAsDouble() : null;
  }

  /** Per node, the node-scope load forecast with the shortest horizon. */
  private static Map<NodeId, LoadForecast> nearestNodeForecasts(List<Prediction> predictions) {
    Map<NodeId, LoadForecast> nearest = new HashMap<>();
    for (Prediction prediction : predictions) {
      if (prediction instanceof LoadForecast forecast
          && forecast.scope() instanceof ForecastScope.OfNode scope) {
        nearest.merge(scope.node(), forecast,
            (held, offered) -> offered.horizon().compareTo(held.horizon()) < 0 ? offered : held);
      }
    }
    return nearest;
  }
}
