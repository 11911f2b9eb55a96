package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A node's GPUs as its agent reports them (NVML's view): each GPU's power, utilisation (1
 * while a job holds it, else 0), power limit and the limit's range, the range the power rules
 * read before they propose a limit. Temperatures are not modelled and not reported.
 */
final class GpuReadings {
  private GpuReadings() {}

  /** Node {@code i}'s GPUs now; empty for a node without GPUs. */
  static SortedMap<Device, MetricValues> now(Datacenter dc, int i) {
    GpuBank gpus = dc.gpus;
    SortedMap<Device, MetricValues> out = new TreeMap<>();
    for (int g = 0; g < gpus.count(i); g++) {
      out.put(Device.gpu(g), values(gpus, i, gpus.watts(i, g, dc.nodes.state[i]),
          gpus.limitW(i, g), gpus.busy(i, g) ? 1 : 0));
    }
    return out;
  }

  /** Node {@code i}'s GPUs as sampled with its telemetry cell {@code cell}. */
  static SortedMap<Device, MetricValues> sampled(Datacenter dc, Telemetry telemetry, int i,
      int cell) {
    GpuBank gpus = dc.gpus;
    SortedMap<Device, MetricValues> out = new TreeMap<>();
    for (int g = 0; g < gpus.count(i); g++) {
      int gpuCell = telemetry.gpuCell(i, g, cell);
      out.put(Device.gpu(g), values(gpus, i, telemetry.gpuPowerW(gpuCell),
          telemetry.gpuLimitW(gpuCell), telemetry.gpuUtilRatio(gpuCell)));
    }
    return out;
  }

  private static MetricValues values(GpuBank gpus, int i, double powerW, double limitW,
      double utilRatio) {
    return MetricValues.builder()
        .set(NodeMetric.GPU_POWER_WATTS, powerW)
        .set(NodeMetric.GPU_UTIL_RATIO, utilRatio)
        .set(NodeMetric.GPU_POWER_LIMIT_WATTS, limitW)
        .set(NodeMetric.GPU_POWER_LIMIT_MIN_WATTS, gpus.minLimitW(i))
        .set(NodeMetric.GPU_POWER_LIMIT_MAX_WATTS, gpus.maxLimitW(i))
        .build();
  }
}
