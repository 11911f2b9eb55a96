package dev.kelvin.predictor.history;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one backfill request reads of each node, on the backfill's threads: the load model's
 * mean power and utilisation per step ({@link #steps}) or the memory error counters' last value
 * per step ({@link #counters}). Each query is timed and counted by the backfill.
 */
@FunctionalInterface
interface NodeRead {
  /**
   * The history of {@code node}.
   *
   * @throws HistorySource.Unavailable when the source cannot answer
   */
  ScopeHistory read(NodeId node);

  /** Mean power and utilisation per step, from step {@code firstStep} for {@code length}. */
  static NodeRead steps(HistoryBackfill owner, HistorySource source, long firstStep, int length,
      Instant to, Duration step) {
    Instant start = Instant.ofEpochMilli(firstStep * step.toMillis());
    return node -> {
      float[] power = toSteps(timed(owner, () -> source.nodeSeries(node,
          NodeMetric.POWER_WATTS, start, to, step)), firstStep, length, step);
      float[] util = toSteps(timed(owner, () -> source.nodeSeries(node,
          NodeMetric.CPU_UTIL_RATIO, start, to, step)), firstStep, length, step);
      return new ScopeSteps(ForecastScope.node(node), firstStep, power,
          known(util) ? Optional.of(util) : Optional.empty());
    };
  }

  /** The corrected and uncorrected error counters' last value per step in {@code [from, to)}. */
  static NodeRead counters(HistoryBackfill owner, HistorySource source, Instant from, Instant to,
      Duration step) {
    return node -> new NodeCounters(node,
        timed(owner, () -> source.nodeLast(node, NodeMetric.ECC_CORRECTABLE_TOTAL, from, to,
            step)),
        timed(owner, () -> source.nodeLast(node, NodeMetric.ECC_UNCORRECTABLE_TOTAL, from, to,
            step)));
  }

  /** Asks one query, counting its time and steps with the backfill. */
  private static List<HistorySource.MetricPoint> timed(HistoryBackfill owner,
      Supplier<List<HistorySource.MetricPoint>> query) {
    long started = owner.nanos();
    List<HistorySource.MetricPoint> answer = query.get();
    owner.answered(owner.nanos() - started, answer.size());
    return answer;
  }

  /** The points as one value per step from {@code firstStep}, NaN where none. */
  private static float[] toSteps(List<HistorySource.MetricPoint> answer, long firstStep,
      int length, Duration step) {
    float[] values = new float[length];
    Arrays.fill(values, Float.NaN);
    for (HistorySource.MetricPoint point : answer) {
      long index = Math.floorDiv(point.at().toEpochMilli(), step.toMillis()) - firstStep;
      if (index >= 0 && index < length) {
        values[(int) index] = (float) point.value();
      }
    }
    return values;
  }

  private static boolean known(float[] values) {
    for (float value : values) {
      if (!Float.isNaN(value)) {
        return true;
      }
    }
    return false;
  }
}
