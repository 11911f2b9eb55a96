package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.report.Series;
import dev.kelvin.simulator.scenario.CoolingSettings;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.util.List;

/**
 * Each site's power and energy. Power is piecewise constant between events, so energy is
 * integrated exactly: before anything changes at an event, {@link #advanceTo} adds each
 * site's power times the time since the last event. Facility power is IT power plus cooling
 * (IT over the cooling plant's COP at the site's outdoor temperature) plus the fixed overhead
 * share (distribution, UPS losses, lighting).
 */
final class SiteLedger {
  private static final double JOULES_PER_KWH = 3.6e6;

  private final List<ScenarioSite> sites;
  private final double[] coolingPerItWatt;
  private final double overheadRatio;
  private final double[] itW;
  private final int[] busyNodes;
  private final double[] itJ;
  private final double[] coolingJ;
  private final double[] overheadJ;
  private final double[] busyNodeS;
  private final Series.Builder[] facilitySeries;
  private final Series.Builder[] itSeries;
  private double lastS;
  private double frozenAtS = Double.NaN;

  SiteLedger(List<ScenarioSite> sites, CoolingSettings cooling) {
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
      itJ[s] += itW[s] * dt;
      coolingJ[s] += itW[s] * coolingPerItWatt[s] * dt;
      overheadJ[s] += itW[s] * overheadRatio * dt;
      busyNodeS[s] += busyNodes[s] * dt;
    }
    lastS = until;
  }

  /** Ends the integration at {@code atS}: the run is over. */
  void freeze(double atS) {
    advanceTo(atS);
    frozenAtS = atS;
  }

  void addIt(int site, double deltaW, double nowS) {
    itW[site] += deltaW;
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
    return itW[site] * (1 + coolingPerItWatt[site] + overheadRatio);
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
