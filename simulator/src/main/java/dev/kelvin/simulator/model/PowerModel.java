package dev.kelvin.simulator.model;

/**
 * How much electrical power a node draws, as a function of how busy it is and how fast its
 * CPU is clocked. Implementations are pure and thread-safe; {@link PowerModels} builds the
 * standard ones.
 */
@FunctionalInterface
public interface PowerModel {
  /**
   * The node's power in watts.
   *
   * @param utilRatio the busy fraction of the node, 0 (idle) to 1 (every core busy)
   * @param freqRatio the effective clock over the maximum clock, in (0, 1]
   */
  double powerWatts(double utilRatio, double freqRatio);
}
