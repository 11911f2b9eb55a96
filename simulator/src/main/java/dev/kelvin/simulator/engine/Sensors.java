package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.failure.Precursors;
import java.util.Optional;

/**
 * What a node's sensors show beyond the physics: a node heading for a failure that gives
 * warning reports a rising count of corrected memory errors and a CPU temperature drifting up
 * within the lead time. Without a failure model, no error counter is reported.
 */
final class Sensors {
  private final Optional<Precursors> precursors;

  Sensors(Optional<Precursors> precursors) {
    this.precursors = precursors;
  }

  /** The CPU temperature the sensor reads, given the modelled one. */
  double cpuTempC(int node, double tS, double modelledC) {
    return precursors.isPresent() ? modelledC + precursors.get().tempDriftC(node, tS)
        : modelledC;
  }

  /** The corrected memory errors counted so far; NaN when no failure model runs. */
  double correctableErrors(int node, double tS) {
    return precursors.isPresent() ? precursors.get().correctableErrors(node, tS) : Double.NaN;
  }
}
