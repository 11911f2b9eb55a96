package dev.kelvin.simulator.scenario;

import static dev.kelvin.simulator.scenario.ScenarioKeys.number;
import static dev.kelvin.simulator.scenario.ScenarioKeys.quoted;
import static dev.kelvin.simulator.scenario.ScenarioKeys.refused;

import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.simulator.power.GpuPowerLimitCurve;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A site's GPU keys: {@code gpus_per_node}, {@code gpu_model} (one of the Zeus power-limit
 * curves) and {@code gpu_idle_w}. Left out, the site's nodes have no GPUs.
 */
final class GpuReader {
  private GpuReader() {}

  /** Reads all three keys before refusing a bad combination. */
  static SiteGpus read(ConfigTree element) {
    int perNode = element.integer("gpus_per_node", 0, 0, SiteGpus.MAX_PER_NODE);
    Optional<String> model = element.optionalString("gpu_model");
    double idleW = element.decimal("gpu_idle_w", SiteGpus.DEFAULT_IDLE_WATTS, 0, 1_000);
    if (perNode == 0) {
      if (model.isPresent()) {
        throw refused(element, "gpu_model", quoted(model.get()), "names a GPU model, but the"
            + " site's nodes have no GPUs: give gpus_per_node too, e.g. gpus_per_node: 8");
      }
      return SiteGpus.NONE;
    }
    GpuPowerLimitCurve curve = curve(element, model.orElseThrow(() -> ScenarioKeys.missing(
        element, "gpu_model", "nodes with GPUs need their model, one of " + known())));
    if (idleW > curve.minLimitWatts()) {
      throw refused(element, "gpu_idle_w", number(idleW), "must be at most the "
          + curve.gpu() + "'s lowest power limit, " + number(curve.minLimitWatts())
          + " W (an idle GPU draws less than a busy one at its lowest limit)");
    }
    return new SiteGpus(perNode, Optional.of(curve), idleW);
  }

  private static GpuPowerLimitCurve curve(ConfigTree element, String model) {
    for (GpuPowerLimitCurve curve : GpuPowerLimitCurve.ALL) {
      if (curve.gpu().equalsIgnoreCase(model.trim())) {
        return curve;
      }
    }
    throw refused(element, "gpu_model", quoted(model), "no power-limit curve for this GPU;"
        + " expected one of " + known() + " (the GPUs the Zeus traces measured)");
  }

  private static String known() {
    return GpuPowerLimitCurve.ALL.stream().map(GpuPowerLimitCurve::gpu)
        .collect(Collectors.joining(", "));
  }
}
