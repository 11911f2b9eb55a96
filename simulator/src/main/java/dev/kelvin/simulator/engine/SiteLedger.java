package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.report.Series;
import dev.kelvin.simulator.scenario.CoolingSettings;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.util.List;

/**
 * Each site's power and energy. Power is piecewise constant between events, so energy is
 * integrated exactly: before anything changes at an event, {@link #advanceTo} adds each
 * site's power times the time since the last event. Facility power is IT power plus cooling
 * (IT over the cooling plant's COP at the site's outdoor temperature; nothing while the plant
 * has failed) plus the fixed overhead share (distribution, UPS losses, lighting). Carbon and
 * cost are integrated the same way, with the grid's intensity and price in force.
 */
final class SiteLedger {
  private static final double JOULES_PER_KWH = 3.6e6;
  /** Below this a site's summed power is rounding left over, not power. */
  private static final double ROUNDING_W = 1e-6;

  private final List<ScenarioSite> sites;
  private final double[] coolingPerItWatt;
  private final double overheadRatio;
  private final double[] itW;
  private final int[] busyNodes;
  private final double[] itJ;
  private final double[] coolingJ;
  private final double[] overheadJ;
  private final double[] busyNodeS;
  private final boolean[] coolingRunning;
  private final double[] carbonGPerKwh;
  private final double[] pricePerKwh;
  private final double[] carbonG;
  private final double[] cost;
  private final Series.Builder[] facilitySeries;
  private final Series.Builder[] itSeries;
  private double lastS;
  private double frozenAtS = Double.NaN;

  /** @param startHour the hour of the day (UTC) at which the run starts */
  SiteLedger(List<ScenarioSite> sites, CoolingSettings cooling, int startHour) {
    this.sites = List.copyOf(sites);
    int n = sites.size();
    coolingPerItWatt = new double[n];
    for (int s = 0; s < n; s++) {
      coolingPerItWatt[s] = 1 / cop(cooling, sites.get(s).outdoorCelsius());
    }
    overheadRatio = cooling.fixedOverheadRatio();
    itW = new double[n];
    busyNodes = new int[n];
    itJ = new double[n];
    coolingJ = new double[n];
    overheadJ = new double[n];
    busyNodeS = new double[n];
    coolingRunning = new boolean[n];
    carbonGPerKwh = new double[n];
    pricePerKwh = new double[n];
    carbonG = new double[n];
    cost = new double[n];
    for (int s = 0; s < n; s++) {
      coolingRunning[s] = true;
      carbonGPerKwh[s] = sites.get(s).carbonAt(startHour);
      pricePerKwh[s] = sites.get(s).priceAt(startHour);
    }
    facilitySeries = new Series.Builder[n];
    itSeries = new Series.Builder[n];
    for (int s = 0; s < n; s++) {
      facilitySeries[s] = new Series.Builder(sites.get(s).name() + " facility power", "W");
      itSeries[s] = new Series.Builder(sites.get(s).name() + " IT power", "W");
    }
  }

  /** The cooling plant's COP at {@code outdoorC}: falling linearly above the reference. */
  static double cop(CoolingSettings cooling, double outdoorC) {
    double cop = cooling.copAtReference()
        - cooling.copPerKelvin() * (outdoorC - cooling.referenceOutdoorCelsius());
    return Math.max(cooling.minCop(), Math.min(cooling.copAtReference(), cop));
  }

  /** Integrates every site's energy up to {@code nowS}; nothing after the run was frozen. */
  void advanceTo(double nowS) {
    double until = Double.isNaN(frozenAtS) ? nowS : Math.min(nowS, frozenAtS);
    double dt = until - lastS;
    if (dt <= 0) {
      return;
    }
    for (int s = 0; s < itW.length; s++) {
      double coolingW = coolingWatts(s);
      itJ[s] += itW[s] * dt;
      coolingJ[s] += coolingW * dt;
      overheadJ[s] += itW[s] * overheadRatio * dt;
      busyNodeS[s] += busyNodes[s] * dt;
      double facilityKwh = facilityWatts(s) * dt / JOULES_PER_KWH;
      carbonG[s] += facilityKwh * carbonGPerKwh[s];
      cost[s] += facilityKwh * pricePerKwh[s];
    }
    lastS = until;
  }

  /** Ends the integration at {@code atS}: the run is over. */
  void freeze(double atS) {
    advanceTo(atS);
    frozenAtS = atS;
  }

  /**
   * Adds a node's change of power. The site's sum is kept incrementally, so rounding leaves
   * traces of a few 1e-11 W when every node has gone to 0 W: those are snapped to 0.
   */
  void addIt(int site, double deltaW, double nowS) {
    double sum = itW[site] + deltaW;
    itW[site] = Math.abs(sum) < ROUNDING_W ? 0 : sum;
    itSeries[site].add(nowS, itW[site]);
    facilitySeries[site].add(nowS, facilityWatts(site));
  }

  void addBusy(int site, int delta, double nowS) {
    advanceTo(nowS);
    busyNodes[site] += delta;
  }

  double itWatts(int site) {
    return itW[site];
  }

  double facilityWatts(int site) {
    return itW[site] * (1 + overheadRatio) + coolingWatts(site);
  }

  private double coolingWatts(int site) {
    return coolingRunning[site] ? itW[site] * coolingPerItWatt[site] : 0;
  }

  /** The cooling plant stops drawing (it has failed) or starts again, from {@code nowS}. */
  void setCoolingRunning(int site, boolean running, double nowS) {
    advanceTo(nowS);
    coolingRunning[site] = running;
    facilitySeries[site].add(nowS, facilityWatts(site));
  }

  /** The grid's carbon intensity and price for {@code site} from {@code nowS}. */
  void setTariff(int site, double gramsPerKwh, double perKwh, double nowS) {
    advanceTo(nowS);
    carbonGPerKwh[site] = gramsPerKwh;
    pricePerKwh[site] = perKwh;
  }

  double carbonGPerKwh(int site) {
    return carbonGPerKwh[site];
  }

  double pricePerKwh(int site) {
    return pricePerKwh[site];
  }

  double carbonKg(int site) {
    return carbonG[site] / 1000;
  }

  double cost(int site) {
    return cost[site];
  }

  double itKwh(int site) {
    return itJ[site] / JOULES_PER_KWH;
  }

  double coolingKwh(int site) {
    return coolingJ[site] / JOULES_PER_KWH;
  }

  double facilityKwh(int site) {
    return (itJ[site] + coolingJ[site] + overheadJ[site]) / JOULES_PER_KWH;
  }

  double busyNodeSeconds(int site) {
    return busyNodeS[site];
  }

  Series facilitySeries(int site) {
    return facilitySeries[site].build();
  }

  Series itSeries(int site) {
    return itSeries[site].build();
  }

  int siteCount() {
    return sites.size();
  }

  ScenarioSite site(int s) {
    return sites.get(s);
  }
}
