package dev.kelvin.simulator;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.simulator.model.DvfsModel;
import dev.kelvin.simulator.model.PowerModel;
import dev.kelvin.simulator.model.PowerModels;
import dev.kelvin.simulator.model.RcThermalModel;
import dev.kelvin.simulator.model.SensorNoise;
import java.time.Duration;

/**
 * The hardware of every node of a simulated site: its power curve, clock range, thermal model,
 * CPU temperature limit and sensor noise. Validated on construction; each part's model class
 * cites the source of its curve.
 *
 * @param idleWatts power of an idle node, W
 * @param maxWatts power of a fully busy node at its maximum clock, W
 * @param minMhz lowest CPU clock, MHz
 * @param maxMhz highest CPU clock and default frequency cap, MHz
 * @param dvfsExponent how dynamic power scales with clock, {@code (f/fmax)^exponent}; about 2
 * @param thermalResistanceCelsiusPerWatt die-to-inlet thermal resistance, °C per W
 * @param thermalTimeConstant the thermal RC time constant
 * @param cpuTempLimitCelsius the CPU temperature the node must stay under, °C
 * @param powerNoiseWatts the largest error of a power reading, W
 * @param tempNoiseCelsius the largest error of a temperature reading, °C
 */
public record NodeSpec(double idleWatts, double maxWatts, double minMhz, double maxMhz,
    double dvfsExponent, double thermalResistanceCelsiusPerWatt, Duration thermalTimeConstant,
    double cpuTempLimitCelsius, double powerNoiseWatts, double tempNoiseCelsius) {
  public NodeSpec {
    PowerModels.dvfs(idleWatts, maxWatts, dvfsExponent);
    checkMetric("maxWatts", NodeMetric.POWER_WATTS, maxWatts);
    new DvfsModel(minMhz, maxMhz);
    new RcThermalModel(thermalResistanceCelsiusPerWatt, thermalTimeConstant);
    checkMetric("cpuTempLimitCelsius", NodeMetric.CPU_TEMP_LIMIT_CELSIUS, cpuTempLimitCelsius);
    new SensorNoise(powerNoiseWatts, tempNoiseCelsius);
  }

  /**
   * A two-socket server: 120 W idle, 420 W at full load and clock, 1200-3000 MHz, exponent 2,
   * 0.16 °C/W with a 30 s time constant, an 85 °C limit, and sensors good to 3 W and 0.3 °C.
   * At 24 °C inlet it settles near 91 °C at full power (over its limit) and near 74 °C when
   * capped to 80 % of its clock.
   */
  public static NodeSpec defaults() {
    return new NodeSpec(120, 420, 1200, 3000, 2.0, 0.16, Duration.ofSeconds(30), 85, 3, 0.3);
  }

  /** The power curve. */
  public PowerModel powerModel() {
    return PowerModels.dvfs(idleWatts, maxWatts, dvfsExponent);
  }

  /** How a frequency cap changes utilisation and clock. */
  public DvfsModel dvfs() {
    return new DvfsModel(minMhz, maxMhz);
  }

  /** The CPU's thermal model. */
  public RcThermalModel thermal() {
    return new RcThermalModel(thermalResistanceCelsiusPerWatt, thermalTimeConstant);
  }

  /** The sensors' noise bounds. */
  public SensorNoise noise() {
    return new SensorNoise(powerNoiseWatts, tempNoiseCelsius);
  }

  /** {@code metric.check(value)}, with the message prefixed by the spec's own field name. */
  static double checkMetric(String field, NodeMetric metric, double value) {
    try {
      return metric.check(value);
    } catch (ValidationException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }
}
