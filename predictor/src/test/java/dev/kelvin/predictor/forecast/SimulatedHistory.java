package dev.kelvin.predictor.forecast;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reading history with a known relation, shaped like the simulator's demo workload: idle
 * gaps of 20 s on average; ordinary jobs of 30 s to 4 min with demand 0.2-0.8 and, one job in
 * five, heavy jobs of 2 to 6 min with demand 0.95-1; utilisation = min(1, demand / cap ratio);
 * power = idle + utilisation × range × cap ratio² plus sensor noise; a random cap on a 100 MHz
 * grid (or its release) now and then; CPU temperature lagging power. One reading a second per
 * node, timestamps jittered by up to ±40 ms. Deterministic for a seed.
 *
 * @param nodes how many nodes
 * @param length how long a history per node
 * @param capChangesPerHour how often, on average, a node's cap changes
 * @param noiseWatts the bound of the power sensor's error, W
 * @param seed the seed of every random draw
 */
record SimulatedHistory(int nodes, Duration length, double capChangesPerHour,
    double noiseWatts, long seed) {
  static final double IDLE_WATTS = 120;
  static final double RANGE_WATTS = 380;
  static final double MIN_MHZ = 1200;
  static final double MAX_MHZ = 3000;
  static final double IDLE_UTIL = 0.02;

  /** 12 cap changes an hour per node, 5 W sensor noise. */
  static SimulatedHistory of(int nodes, Duration length, long seed) {
    return new SimulatedHistory(nodes, length, 12, 5, seed);
  }

  List<NodeReading> readings() {
    List<NodeReading> readings = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < nodes; n++) {
      readings.addAll(node(NodeId.of("site-a", String.format("n%03d", n)), random.split()));
    }
    return readings;
  }

  private List<NodeReading> node(NodeId id, SplittableRandom random) {
    long seconds = length.toSeconds();
    List<NodeReading> readings = new ArrayList<>((int) seconds);
    double demand = 0;
    long stepLeft = idleGap(random);
    double capMhz = MAX_MHZ;
    double cpuTemp = 45;
    double inletBase = 21 + 3 * random.nextDouble();
    for (long s = 0; s < seconds; s++) {
      if (--stepLeft <= 0) {
        boolean wasIdle = demand == 0;
        demand = wasIdle ? jobDemand(random) : 0;
        stepLeft = wasIdle ? jobLength(random, demand) : idleGap(random);
      }
      if (random.nextDouble() < capChangesPerHour / 3600) {
        capMhz = random.nextDouble() < 0.25 ? MAX_MHZ
            : MIN_MHZ + 100 * random.nextInt((int) ((MAX_MHZ - MIN_MHZ) / 100) + 1);
      }
      double cap = capMhz / MAX_MHZ;
      double util = demand == 0 ? IDLE_UTIL : Math.min(1, demand / cap);
      double noise = Math.max(-noiseWatts, Math.min(noiseWatts,
          random.nextGaussian() * noiseWatts / 3));
      double power = IDLE_WATTS + util * RANGE_WATTS * cap * cap + noise;
      double inlet = inletBase + 1.5 * Math.sin(2 * Math.PI * s / 3600.0);
      cpuTemp += (inlet + 0.09 * power - cpuTemp) * (1 - Math.exp(-1 / 45.0));
      readings.add(reading(id, s, random, power, util, capMhz, cpuTemp, inlet));
    }
    return readings;
  }

  private static NodeReading reading(NodeId id, long s, SplittableRandom random, double power,
      double util, double capMhz, double cpuTemp, double inlet) {
    Instant at = MutableClock.START.plusSeconds(s)
        .plusMillis((long) (80 * (random.nextDouble() - 0.5)));
    return new NodeReading(id, RackId.of("r1"), at, s, MetricValues.builder()
        .set(NodeMetric.POWER_WATTS, power)
        .set(NodeMetric.CPU_UTIL_RATIO, util)
        .set(NodeMetric.CPU_FREQ_CAP_MHZ, capMhz)
        .set(NodeMetric.CPU_FREQ_MAX_MHZ, MAX_MHZ)
        .set(NodeMetric.CPU_TEMP_CELSIUS, cpuTemp)
        .set(NodeMetric.INLET_TEMP_CELSIUS, inlet)
        .build());
  }

  private static double jobDemand(SplittableRandom random) {
    return random.nextDouble() < 0.2 ? 0.95 + 0.05 * random.nextDouble()
        : 0.2 + 0.6 * random.nextDouble();
  }

  /** Heavy jobs (demand of 0.95 and more) run 2-6 min, ordinary ones 30 s to 4 min. */
  private static long jobLength(SplittableRandom random, double demand) {
    return demand >= 0.95 ? 120 + random.nextInt(241) : 30 + random.nextInt(211);
  }

  private static long idleGap(SplittableRandom random) {
    return Math.max(1, Math.round(-20 * Math.log(1 - random.nextDouble())));
  }
}
