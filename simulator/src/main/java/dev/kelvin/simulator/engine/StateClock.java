package dev.kelvin.simulator.engine;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Since when each node has been in its state and drained, as a workload manager would report
 * it: observed once per snapshot, so a change is dated to the snapshot that first sees it (one
 * control tick late at most). Only the simulator's own drain actions drain a node, so every
 * drain is Kelvin's.
 */
final class StateClock {
  private final byte[] seenState;
  private final double[] sinceS;
  private final boolean[] seenDrained;
  private final double[] drainedSinceS;
  private boolean observed;

  StateClock(int nodes) {
    seenState = new byte[nodes];
    sinceS = new double[nodes];
    seenDrained = new boolean[nodes];
    drainedSinceS = new double[nodes];
  }

  /** Records the state of every node at {@code nowS}; the first call dates every state to it. */
  void observe(NodeTable nodes, double nowS) {
    if (!observed) {
      System.arraycopy(nodes.state, 0, seenState, 0, nodes.size);
      Arrays.fill(sinceS, nowS);
      System.arraycopy(nodes.drained, 0, seenDrained, 0, nodes.size);
      Arrays.fill(drainedSinceS, nowS);
      observed = true;
      return;
    }
    for (int i = 0; i < nodes.size; i++) {
      if (nodes.state[i] != seenState[i]) {
        seenState[i] = nodes.state[i];
        sinceS[i] = nowS;
      }
      if (nodes.drained[i] != seenDrained[i]) {
        seenDrained[i] = nodes.drained[i];
        drainedSinceS[i] = nowS;
      }
    }
  }

  double sinceS(int node) {
    return sinceS[node];
  }

  /** When node {@code node} was drained, as last observed; empty when it is not drained. */
  OptionalDouble drainedSinceS(int node) {
    return seenDrained[node] ? OptionalDouble.of(drainedSinceS[node]) : OptionalDouble.empty();
  }
}
