package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One GPU of a node whose power limit can be set: its power now, the limit in force (its
 * maximum when it reports none) and the hardware's range. GPUs that do not report their range
 * get no fact: no rule may set a limit it cannot clamp.
 */
public record GpuFact(int index, double powerWatts, double limitWatts, double minWatts,
    double maxWatts) {

  /** The GPUs of a reading that report a power limit range, in index order. */
  static List<GpuFact> of(SortedMap<Device, MetricValues> gpus) {
    List<GpuFact> out = new ArrayList<>(gpus.size());
    for (Map.Entry<Device, MetricValues> entry : gpus.entrySet()) {
      MetricValues values = entry.getValue();
      double min = values.getOrNaN(NodeMetric.GPU_POWER_LIMIT_MIN_WATTS);
      double max = values.getOrNaN(NodeMetric.GPU_POWER_LIMIT_MAX_WATTS);
      if (!Double.isNaN(min) && !Double.isNaN(max)) {
        double limit = values.getOrNaN(NodeMetric.GPU_POWER_LIMIT_WATTS);
        out.add(new GpuFact(entry.getKey().index(),
            values.getOrNaN(NodeMetric.GPU_POWER_WATTS), Double.isNaN(limit) ? max : limit,
            min, max));
      }
    }
    return List.copyOf(out);
  }

  /** Whether a limit below the maximum is in force. */
  public boolean limited() {
    return limitWatts < maxWatts;
  }
}
