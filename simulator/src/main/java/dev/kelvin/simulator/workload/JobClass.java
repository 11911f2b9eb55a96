package dev.kelvin.simulator.workload;

import java.time.Duration;

/**
 * A class of jobs in a {@link RandomWorkload}: demand drawn uniformly within a range and
 * length (uncapped) drawn log-uniformly within a range, since batch job lengths span orders of
 * magnitude with many more short jobs than long ones.
 *
 * @param minDemandRatio the lowest demand, of the node's full-speed capacity (0-1]
 * @param maxDemandRatio the highest demand (0-1]
 * @param minLength the shortest job, uncapped, at least 1 s
 * @param maxLength the longest job, uncapped
 */
public record JobClass(double minDemandRatio, double maxDemandRatio, Duration minLength,
    Duration maxLength) {
  public JobClass {
    requireRatio("minDemandRatio", minDemandRatio);
    requireRatio("maxDemandRatio", maxDemandRatio);
    if (maxDemandRatio < minDemandRatio) {
      throw new IllegalArgumentException("demand range must be 0 < minDemandRatio <="
          + " maxDemandRatio <= 1, was " + minDemandRatio + ".." + maxDemandRatio
          + " (the two swapped?)");
    }
    WorkloadSpec.requireAtLeastOneSecond("minLength", minLength);
    WorkloadSpec.requireAtLeastOneSecond("maxLength", maxLength);
    if (maxLength.compareTo(minLength) < 0) {
      throw new IllegalArgumentException("maxLength (" + maxLength + ") must be >= minLength ("
          + minLength + "): the two are likely swapped");
    }
  }

  private static void requireRatio(String field, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be a ratio within (0, 1] of the node's"
          + " full-speed capacity, was " + value
          + (value > 1 ? " (a percentage? divide by 100)" : ""));
    }
  }
}
