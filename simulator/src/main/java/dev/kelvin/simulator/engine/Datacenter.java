package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.simulator.model.RcThermalModel;
import dev.kelvin.simulator.scenario.CoolingSettings;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.util.List;

/**
 * The simulated hardware: every node's state, power and temperature, and each site's power
 * and energy. A change to a node goes through {@link #refresh}, which settles its temperature
 * up to now at the old power, then sets its clock and power and the site's totals.
 *
 * <p>Room air: each node's inlet is the cooling units' supply air plus a recirculation rise
 * proportional to the site's IT load ({@value #RECIRCULATION_K} K at full load).
 */
final class Datacenter {
  static final double SUPPLY_C = 22;
  static final double RECIRCULATION_K = 3;
  static final int NODES_PER_RACK = 40;

  final NodeTable nodes;
  final NodePower power;
  final GpuBank gpus;
  final SiteLedger ledger;
  private final RcThermalModel thermal;
  private final int[] siteStart;
  private final int[] siteSize;
  private final double[] siteMaxItW;
  private final NodeId[] ids;
  private final RackId[] racks;
  private final SiteId[] siteIds;
  private final double tauS;
  private final double[] supplyRiseK;
  private double decayDtS = Double.NaN;
  private double decayFactor;

  Datacenter(List<ScenarioSite> sites, NodePower power, RcThermalModel thermal,
      CoolingSettings cooling, int startHour) {
    int total = sites.stream().mapToInt(ScenarioSite::nodes).sum();
    int[] siteOfNode = new int[total];
    siteStart = new int[sites.size()];
    siteSize = new int[sites.size()];
    siteMaxItW = new double[sites.size()];
    siteIds = new SiteId[sites.size()];
    supplyRiseK = new double[sites.size()];
    ids = new NodeId[total];
    racks = new RackId[total];
    int next = 0;
    for (int s = 0; s < sites.size(); s++) {
      ScenarioSite site = sites.get(s);
      siteStart[s] = next;
      siteSize[s] = site.nodes();
      siteMaxItW[s] = site.nodes() * (power.curve().powerWatts(1, 1)
          + GpuBank.maxWatts(site.gpus()));
      siteIds[s] = SiteId.of(site.name());
      int width = Math.max(4, String.valueOf(site.nodes()).length());
      for (int k = 0; k < site.nodes(); k++, next++) {
        siteOfNode[next] = s;
        ids[next] = new NodeId(siteIds[s], "n" + pad(k + 1, width));
        racks[next] = RackId.of("r" + pad(k / NODES_PER_RACK + 1, 3));
      }
    }
    this.nodes = new NodeTable(siteOfNode, SUPPLY_C);
    this.gpus = new GpuBank(sites, nodes.site);
    this.power = power;
    this.thermal = thermal;
    this.tauS = thermal.timeConstantSeconds();
    this.ledger = new SiteLedger(sites, cooling, startHour);
    for (int i = 0; i < total; i++) {
      refresh(i, 0);
    }
  }

  /**
   * Settles node {@code i}'s temperature up to {@code nowS} at its old power, then sets its
   * clock and power (CPUs and GPUs) from its state, caps and GPU limits, and the site's totals.
   *
   * @return whether its pace changed while it runs a job (its clock or its GPUs' throughput:
   *     the job's rate must follow)
   */
  boolean refresh(int i, double nowS) {
    ledger.advanceTo(nowS);
    settleTemperature(i, nowS);
    double oldClock = nodes.clockRatio[i];
    double oldGpuPace = nodes.gpuPaceRatio[i];
    boolean busy = nodes.state[i] == NodeTable.BUSY;
    double clock = busy
        ? power.clockRatio(nodes.freqCapRatio[i], nodes.powerCapW[i], nodes.utilRatio[i]) : 1;
    double gpuWatts = gpus.count(i) == 0 ? 0 : gpus.watts(i, nodes.state[i]);
    double watts = power.watts(nodes.state[i], nodes.utilRatio[i], clock) + gpuWatts;
    nodes.clockRatio[i] = clock;
    nodes.gpuPaceRatio[i] = busy && gpus.count(i) > 0 ? gpus.pace(i) : 1;
    nodes.gpuPowerW[i] = gpuWatts;
    double delta = watts - nodes.powerW[i];
    nodes.powerW[i] = watts;
    if (delta != 0) {
      ledger.addIt(nodes.site[i], delta, nowS);
    }
    return busy && (clock != oldClock || nodes.gpuPaceRatio[i] != oldGpuPace);
  }

  /**
   * Brings node {@code i}'s CPU temperature up to {@code nowS} (first-order, exact step),
   * driven by what its CPUs draw: the node's power less its GPUs'.
   */
  double settleTemperature(int i, double nowS) {
    double dt = nowS - nodes.tempAtS[i];
    if (dt > 0) {
      double steady = thermal.steadyStateCelsius(inletC(nodes.site[i]),
          nodes.powerW[i] - nodes.gpuPowerW[i]);
      nodes.cpuTempC[i] = steady + (nodes.cpuTempC[i] - steady) * decay(dt);
      nodes.tempAtS[i] = nowS;
    }
    return nodes.cpuTempC[i];
  }

  /** {@code exp(-dt / tau)}, remembered for the last step length (samples repeat it). */
  private double decay(double dt) {
    if (dt != decayDtS) {
      decayDtS = dt;
      decayFactor = Math.exp(-dt / tauS);
    }
    return decayFactor;
  }

  double inletC(int site) {
    return supplyC(site) + RECIRCULATION_K * ledger.itWatts(site) / siteMaxItW[site];
  }

  /** The cooling units' supply air: the setpoint, warmer while cooling has failed. */
  double supplyC(int site) {
    return SUPPLY_C + supplyRiseK[site];
  }

  /**
   * The supply air of {@code site} runs {@code riseK} over its setpoint from {@code nowS}
   * (0 when cooling works): every node's temperature is first settled up to now.
   */
  void setSupplyRise(int site, double riseK, double nowS) {
    for (int i = siteStart[site]; i < siteStart[site] + siteSize[site]; i++) {
      settleTemperature(i, nowS);
    }
    supplyRiseK[site] = riseK;
  }

  int siteStart(int site) {
    return siteStart[site];
  }

  int siteSize(int site) {
    return siteSize[site];
  }

  int siteCount() {
    return siteStart.length;
  }

  /** The index of site {@code id}, or -1. */
  int siteIndex(SiteId id) {
    for (int s = 0; s < siteIds.length; s++) {
      if (siteIds[s].equals(id)) {
        return s;
      }
    }
    return -1;
  }

  NodeId id(int i) {
    return ids[i];
  }

  RackId rack(int i) {
    return racks[i];
  }

  SiteId siteId(int site) {
    return siteIds[site];
  }

  private static String pad(int value, int width) {
    StringBuilder text = new StringBuilder(String.valueOf(value));
    while (text.length() < width) {
      text.insert(0, '0');
    }
    return text.toString();
  }
}
