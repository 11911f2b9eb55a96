package dev.kelvin.predictor.history;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.HistorySource.MetricPoint;
import dev.kelvin.core.prediction.ForecastScope;
import java.util.List;
import java.util.Objects;

/**
 * One node's memory error counters read back: the last value per step ({@code nodeLast}), each
 * stamped with its step's start, oldest first; a step without data has no point.
 *
 * @param corrected {@code ecc_correctable_total} (count)
 * @param uncorrected {@code ecc_uncorrectable_total} (count)
 */
public record NodeCounters(NodeId node, List<MetricPoint> corrected,
    List<MetricPoint> uncorrected) implements ScopeHistory {
  public NodeCounters {
    Objects.requireNonNull(node, "node");
    corrected = List.copyOf(corrected);
    uncorrected = List.copyOf(uncorrected);
  }

  @Override
  public ForecastScope scope() {
    return ForecastScope.node(node);
  }
}
