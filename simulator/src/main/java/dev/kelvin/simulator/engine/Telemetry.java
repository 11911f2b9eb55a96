package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.report.Series;

/**
 * Node telemetry samples, taken only as often as the scenario asks: each node's last
 * {@code window} samples (power, CPU temperature, inlet, utilisation, clock, the CPU and node
 * power caps in force; each GPU's power, limit and utilisation) in flat arrays,
 * for the snapshot's windows, and the hottest CPU and mean inlet over time for the plots.
 * Energy never depends on sampling.
 */
final class Telemetry {
  private final Datacenter dc;
  private final int window;
  private final double[] timesS;
  private final double[] powerW;
  private final double[] cpuTempC;
  private final double[] inletC;
  private final double[] utilRatio;
  private final double[] clockRatio;
  private final double[] correctableErrors;
  private final double[] capMhz;
  private final double[] powerCapW;
  private final double[] gpuPowerW;
  private final double[] gpuLimitW;
  private final double[] gpuUtilRatio;
  private final Sensors sensors;
  private final Setpoints setpoints;
  private final Series.Builder hottest = new Series.Builder("hottest CPU", "°C");
  private final Series.Builder meanInlet = new Series.Builder("mean inlet", "°C");
  private long samples;

  Telemetry(Datacenter dc, int window, Sensors sensors, Setpoints setpoints) {
    this.dc = dc;
    this.sensors = sensors;
    this.setpoints = setpoints;
    this.window = window;
    int cells = dc.nodes.size * window;
    timesS = new double[window];
    powerW = new double[cells];
    cpuTempC = new double[cells];
    inletC = new double[cells];
    utilRatio = new double[cells];
    clockRatio = new double[cells];
    correctableErrors = new double[cells];
    capMhz = new double[cells];
    powerCapW = new double[cells];
    int gpuCells = dc.gpus.total() * window;
    gpuPowerW = new double[gpuCells];
    gpuLimitW = new double[gpuCells];
    gpuUtilRatio = new double[gpuCells];
  }

  /** Samples every node at {@code nowS} into the windows, and the plot series. */
  void sample(double nowS) {
    int slot = (int) (samples % window);
    timesS[slot] = nowS;
    NodeTable nodes = dc.nodes;
    for (int i = 0; i < nodes.size; i++) {
      int cell = i * window + slot;
      cpuTempC[cell] = sensors.cpuTempC(i, nowS, dc.settleTemperature(i, nowS));
      correctableErrors[cell] = sensors.correctableErrors(i, nowS);
      powerW[cell] = nodes.powerW[i];
      inletC[cell] = dc.inletC(nodes.site[i]);
      utilRatio[cell] = nodes.utilRatio[i];
      clockRatio[cell] = nodes.clockRatio[i];
      capMhz[cell] = setpoints.capMhz(i);
      powerCapW[cell] = setpoints.powerCapWatts(i);
      sampleGpus(i, slot);
    }
    samples++;
    plot(nowS);
  }

  private void sampleGpus(int i, int slot) {
    GpuBank gpus = dc.gpus;
    for (int g = 0; g < gpus.count(i); g++) {
      int cell = gpus.slot(i, g) * window + slot;
      gpuPowerW[cell] = gpus.watts(i, g, dc.nodes.state[i]);
      gpuLimitW[cell] = gpus.limitW(i, g);
      gpuUtilRatio[cell] = gpus.busy(i, g) ? 1 : 0;
    }
  }

  /** Records the hottest CPU and the mean inlet at {@code nowS}, for the plots only. */
  void plot(double nowS) {
    NodeTable nodes = dc.nodes;
    double hottestC = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < nodes.size; i++) {
      hottestC = Math.max(hottestC, dc.settleTemperature(i, nowS));
    }
    double inletSum = 0;
    for (int s = 0; s < dc.siteCount(); s++) {
      inletSum += dc.inletC(s) * dc.siteSize(s);
    }
    hottest.add(nowS, round(hottestC));
    meanInlet.add(nowS, round(inletSum / nodes.size));
  }

  /** How many samples node windows hold now (at most the window). */
  int held() {
    return (int) Math.min(samples, window);
  }

  /** The cell of node {@code i}'s {@code k}-th held sample, oldest first. */
  int cell(int i, int k) {
    long first = samples - held();
    return i * window + (int) ((first + k) % window);
  }

  double timeS(int cell) {
    return timesS[cell % window];
  }

  long seqOf(int k) {
    return samples - held() + k + 1;
  }

  long samples() {
    return samples;
  }

  double powerW(int cell) {
    return powerW[cell];
  }

  double cpuTempC(int cell) {
    return cpuTempC[cell];
  }

  double inletC(int cell) {
    return inletC[cell];
  }

  double utilRatio(int cell) {
    return utilRatio[cell];
  }

  double clockRatio(int cell) {
    return clockRatio[cell];
  }

  double correctableErrors(int cell) {
    return correctableErrors[cell];
  }

  double capMhz(int cell) {
    return capMhz[cell];
  }

  double powerCapWatts(int cell) {
    return powerCapW[cell];
  }

  /** How many samples a node's window holds at most. */
  int window() {
    return window;
  }

  /** The cell of node {@code i}'s GPU {@code g} in the same sample as node cell {@code cell}. */
  int gpuCell(int i, int g, int cell) {
    return dc.gpus.slot(i, g) * window + cell % window;
  }

  double gpuPowerW(int gpuCell) {
    return gpuPowerW[gpuCell];
  }

  double gpuLimitW(int gpuCell) {
    return gpuLimitW[gpuCell];
  }

  double gpuUtilRatio(int gpuCell) {
    return gpuUtilRatio[gpuCell];
  }

  Series hottest() {
    return hottest.build();
  }

  Series meanInlet() {
    return meanInlet.build();
  }

  /** Plots need no more than 0.01 °C, and rounding lets equal values merge. */
  private static double round(double celsius) {
    return Math.round(celsius * 100) / 100.0;
  }
}
