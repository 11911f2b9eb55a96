package dev.kelvin.dashboard;

import dev.kelvin.core.model.ClusterSnapshot;
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
import java.util.Map;
import java.util.OptionalDouble;

/** Turns a snapshot and the latest predictions into node rows, in the snapshot's node order. */
final class NodeRows {
  private NodeRows() {}

  static List<NodeRow> of(ClusterSnapshot snapshot, List<Prediction> predictions) {
    Map<NodeId, LoadForecast> forecasts = nearestNodeForecasts(predictions);
    List<NodeRow> rows = new ArrayList<>(snapshot.nodes().size());
    for (NodeView view : snapshot.views()) {
      LoadForecast forecast = forecasts.get(view.id());
      rows.add(row(view, snapshot, forecast == null ? null : forecast.powerWatts()));
    }
    return rows;
  }

  private static NodeRow row(NodeView view, ClusterSnapshot snapshot, Double forecastWatts) {
    Duration age = Duration.between(view.latest().at(), snapshot.at());
    double ageSeconds = Math.round(age.toMillis() / 100.0) / 10.0;
    return new NodeRow(view.id().site().value(), view.id().name(), view.rack().value(),
        view.latest().at().toString(), ageSeconds, view.stale(),
        value(view, NodeMetric.POWER_WATTS), value(view, NodeMetric.CPU_TEMP_CELSIUS),
        value(view, NodeMetric.CPU_TEMP_LIMIT_CELSIUS), value(view, NodeMetric.INLET_TEMP_CELSIUS),
        value(view, NodeMetric.CPU_UTIL_RATIO), value(view, NodeMetric.CPU_FREQ_MHZ),
        value(view, NodeMetric.CPU_FREQ_CAP_MHZ), value(view, NodeMetric.CPU_FREQ_MAX_MHZ),
        forecastWatts);
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
