package dev.kelvin.simulator.failure;

/**
 * A failure of one node at a moment of the run, and how long its repair takes.
 *
 * @param node the node's index in its site, from 0
 * @param atS when it fails, in seconds from the start of the run
 * @param repairS how long it stays down, in seconds
 */
public record PlannedFailure(int node, double atS, double repairS) {
  public PlannedFailure {
    if (node < 0) {
      throw new IllegalArgumentException("node must be an index >= 0, was " + node);
    }
    if (!(atS >= 0) || Double.isInfinite(atS)) {
      throw new IllegalArgumentException("atS must be >= 0 s from the start, was " + atS);
    }
    if (!(repairS >= 0) || Double.isInfinite(repairS)) {
      throw new IllegalArgumentException("repairS must be >= 0 s, was " + repairS
          + " (a repair in minutes or hours must be converted to seconds)");
    }
  }

  /** When the node is back, in seconds from the start of the run. */
  public double backS() {
    return atS + repairS;
  }
}
