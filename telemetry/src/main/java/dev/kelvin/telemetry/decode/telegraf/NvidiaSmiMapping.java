package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.OptionalDouble;

/**
 * {@code nvidia_smi}: one line per GPU, tagged with its {@code index}. Power, temperature,
 * utilisation (a percentage, turned into a ratio), the power limit in force and its range, and
 * the lifetime (aggregate) ECC counters, DRAM and SRAM together, go to the GPU; the node gets
 * the sum of its GPUs' power and ECC counters, their hottest temperature and their mean
 * utilisation.
 */
final class NvidiaSmiMapping {
  private NvidiaSmiMapping() {}

  static void map(LineValues line) {
    Device gpu = line.device(Device.Kind.GPU, "index").orElseThrow(() ->
        new ValidationException(RejectReason.MISSING_FIELD, "index", "line "
            + line.line().number() + ": nvidia_smi line without its index tag: which GPU?"));
    String member = String.valueOf(gpu.index());
    both(line, gpu, NodeMetric.GPU_POWER_WATTS, Aggregation.SUM, line.number("power_draw", "W"),
        "power_draw");
    both(line, gpu, NodeMetric.GPU_TEMP_CELSIUS, Aggregation.MAX,
        line.number("temperature_gpu", "°C"), "temperature_gpu");
    both(line, gpu, NodeMetric.GPU_UTIL_RATIO, Aggregation.MEAN,
        line.percentAsRatio("utilization_gpu"), "utilization_gpu");
    gpuOnly(line, gpu, NodeMetric.GPU_POWER_LIMIT_WATTS, "power_limit");
    gpuOnly(line, gpu, NodeMetric.GPU_POWER_LIMIT_MIN_WATTS, "power_limit_min");
    gpuOnly(line, gpu, NodeMetric.GPU_POWER_LIMIT_MAX_WATTS, "power_limit_max");
    ecc(line, gpu, member, NodeMetric.ECC_CORRECTABLE_TOTAL, "correctable");
    ecc(line, gpu, member, NodeMetric.ECC_UNCORRECTABLE_TOTAL, "uncorrectable");
  }

  private static void both(LineValues line, Device gpu, NodeMetric metric,
      Aggregation atNode, OptionalDouble value, String field) {
    if (value.isPresent()) {
      String member = String.valueOf(gpu.index());
      line.device(gpu, metric, Aggregation.SET, member, value.getAsDouble(), field);
      line.node(metric, atNode, member, value.getAsDouble(), field);
    }
  }

  private static void gpuOnly(LineValues line, Device gpu, NodeMetric metric, String field) {
    OptionalDouble watts = line.number(field, "W");
    if (watts.isPresent()) {
      line.device(gpu, metric, Aggregation.SET, String.valueOf(gpu.index()),
          watts.getAsDouble(), field);
    }
  }

  /** The aggregate (lifetime) DRAM and SRAM counters of one kind, added up. */
  private static void ecc(LineValues line, Device gpu, String member, NodeMetric metric,
      String kind) {
    String dram = "ecc_errors_aggregate_dram_" + kind;
    String sram = "ecc_errors_aggregate_sram_" + kind;
    OptionalDouble dramCount = line.number(dram, "errors");
    OptionalDouble sramCount = line.number(sram, "errors");
    if (dramCount.isEmpty() && sramCount.isEmpty()) {
      return;
    }
    double total = dramCount.orElse(0) + sramCount.orElse(0);
    String field = dramCount.isPresent() ? dram : sram;
    line.device(gpu, metric, Aggregation.SET, member, total, field);
    line.node(metric, Aggregation.SUM, member, total, field);
  }
}
