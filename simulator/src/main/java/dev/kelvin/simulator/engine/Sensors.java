package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.failure.Precursors;
import dev.kelvin.simulator.model.SensorNoise;
import dev.kelvin.simulator.random.Seeds;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What a node's sensors show beyond the physics: a node heading for a failure that gives
 * warning reports a rising count of corrected memory errors and a CPU temperature drifting up
 * within the lead time; and a CPU temperature sensor may read off by a bounded Gaussian error
 * ({@link SensorNoise}), drawn afresh for every reading from the seed, the node and the time, so
 * that a reading taken twice at one instant reads the same. Without a failure model, no error
 * counter is reported.
 */
final class Sensors {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private final Optional<Precursors> precursors;
  private final double tempNoiseC;
  private final long seed;

  Sensors(Optional<Precursors> precursors) {
    this(precursors, 0, 0);
  }

  /**
   * @param tempNoiseC the largest error of a CPU temperature reading, °C; 0 for exact readings
   */
  Sensors(Optional<Precursors> precursors, double tempNoiseC, long seed) {
    this.precursors = precursors;
    this.tempNoiseC = tempNoiseC;
    this.seed = Seeds.derive(seed, "cpu-temp-noise", "");
  }

  /** The CPU temperature the sensor reads, given the modelled one. */
  double cpuTempC(int node, double tS, double modelledC) {
    double read = precursors.isPresent() ? modelledC + precursors.get().tempDriftC(node, tS)
        : modelledC;
    if (tempNoiseC > 0) {
      long key = seed ^ (node * GOLDEN_GAMMA) ^ Double.doubleToLongBits(tS) * 31;
      read += SensorNoise.bounded(new SplittableRandom(key), tempNoiseC);
    }
    return read;
  }

  /** The corrected memory errors counted so far; NaN when no failure model runs. */
  double correctableErrors(int node, double tS) {
    return precursors.isPresent() ? precursors.get().correctableErrors(node, tS) : Double.NaN;
  }
}
