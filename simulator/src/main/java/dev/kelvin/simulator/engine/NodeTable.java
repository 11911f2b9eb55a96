package dev.kelvin.simulator.engine;

import java.util.Arrays;

/**
 * Every simulated node's state, one array per field (thousands of nodes are touched on every
 * event, so no object per node). Node {@code i} belongs to site {@link #site}{@code [i]}; a
 * site's nodes are contiguous.
 */
final class NodeTable {
  static final byte OFF = 0;
  static final byte BOOTING = 1;
  static final byte IDLE = 2;
  static final byte BUSY = 3;
  static final byte DOWN = 4;
  /** Without power: its site is dark (utility and UPS gone, or shut down for fire or flood). */
  static final byte DARK = 5;

  final int size;
  final int[] site;
  final byte[] state;
  final boolean[] drained;
  /** The CPU frequency cap in force, over the maximum clock; 1 when none. */
  final double[] freqCapRatio;
  /** The node power cap in force, W; NaN when none. */
  final double[] powerCapW;
  /** The busy fraction of the CPUs: the running job's, 0 otherwise. */
  final double[] utilRatio;
  /** The clock the node runs at, over the maximum: the tighter of its caps. */
  final double[] clockRatio;
  /** The node's power, W: its CPUs' curve and its GPUs together. */
  final double[] powerW;
  /** What its GPUs draw, W (part of {@link #powerW}); 0 without GPUs. */
  final double[] gpuPowerW;
  /** The relative throughput of the GPUs its job holds: the slowest one's; 1 when none. */
  final double[] gpuPaceRatio;
  final double[] cpuTempC;
  /** When {@link #cpuTempC} was last brought up to date, s. */
  final double[] tempAtS;
  final JobRun[] job;

  NodeTable(int[] siteOfNode, double startTempC) {
    size = siteOfNode.length;
    site = siteOfNode.clone();
    state = new byte[size];
    Arrays.fill(state, IDLE);
    drained = new boolean[size];
    freqCapRatio = filled(1.0);
    powerCapW = filled(Double.NaN);
    utilRatio = new double[size];
    clockRatio = filled(1.0);
    powerW = new double[size];
    gpuPowerW = new double[size];
    gpuPaceRatio = filled(1.0);
    cpuTempC = filled(startTempC);
    tempAtS = new double[size];
    job = new JobRun[size];
  }

  /** Whether a job may start on node {@code i} now. */
  boolean free(int i) {
    return state[i] == IDLE && !drained[i];
  }

  static String stateName(byte state) {
    switch (state) {
      case OFF: return "off";
      case BOOTING: return "booting";
      case IDLE: return "idle";
      case BUSY: return "busy";
      case DOWN: return "down";
      case DARK: return "dark";
      default: throw new AssertionError(state);
    }
  }

  private double[] filled(double value) {
    double[] values = new double[size];
    Arrays.fill(values, value);
    return values;
  }
}
