package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.FacilityKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What has befallen each site: raised alarms, the UPS carrying it, cooling down, its network
 * cut from the controller, and whether it is dark. Causes may overlap (a fire during a grid
 * outage), so each condition counts its causes and ends when the last one does.
 */
final class SiteConditions {
  /** An alarm raised by one or more causes, since when. */
  private record Raised(int causes, double sinceS) {}

  private final Datacenter dc;
  private final JobBook jobs;
  private final SimTime time;
  private final Timeline timeline;
  private final double bootS;
  private final int[] darkCauses;
  private final int[] onBattery;
  private final int[] coolingFailures;
  private final int[] partitions;
  private final double[] partitionedSinceS;
  private final List<Map<FacilityKind, Raised>> alarms = new ArrayList<>();

  SiteConditions(Datacenter dc, JobBook jobs, SimTime time, Timeline timeline, double bootS) {
    this.dc = dc;
    this.jobs = jobs;
    this.time = time;
    this.timeline = timeline;
    this.bootS = bootS;
    int n = dc.siteCount();
    darkCauses = new int[n];
    onBattery = new int[n];
    coolingFailures = new int[n];
    partitions = new int[n];
    partitionedSinceS = new double[n];
    for (int s = 0; s < n; s++) {
      alarms.add(new EnumMap<>(FacilityKind.class));
    }
  }

  void raise(int site, FacilityKind kind) {
    Raised raised = alarms.get(site).get(kind);
    alarms.get(site).put(kind, raised == null ? new Raised(1, time.nowS())
        : new Raised(raised.causes() + 1, raised.sinceS()));
    if (raised == null) {
      timeline.add(time.nowS(), "alarm", dc.siteId(site) + " " + kind.name().toLowerCase());
    }
  }

  void clear(int site, FacilityKind kind) {
    Raised raised = alarms.get(site).get(kind);
    if (raised != null && raised.causes() > 1) {
      alarms.get(site).put(kind, new Raised(raised.causes() - 1, raised.sinceS()));
    } else {
      alarms.get(site).remove(kind);
    }
  }

  /** The alarms raised at {@code site} now, with when each was first raised, in kind order. */
  Map<FacilityKind, Double> openAlarms(int site) {
    Map<FacilityKind, Double> open = new EnumMap<>(FacilityKind.class);
    alarms.get(site).forEach((kind, raised) -> open.put(kind, raised.sinceS()));
    return open;
  }

  void batteryOn(int site, boolean on) {
    onBattery[site] += on ? 1 : -1;
  }

  boolean onBattery(int site) {
    return onBattery[site] > 0;
  }

  /** Cooling fails (the supply air warms by {@code riseK}, the plant draws nothing) or returns. */
  void cooling(int site, boolean failed, double riseK) {
    coolingFailures[site] += failed ? 1 : -1;
    boolean down = coolingFailures[site] > 0;
    dc.setSupplyRise(site, down ? riseK : 0, time.nowS());
    dc.ledger.setCoolingRunning(site, !down, time.nowS());
  }

  void partition(int site, boolean cut) {
    if (cut && partitions[site] == 0) {
      partitionedSinceS[site] = time.nowS();
      timeline.add(time.nowS(), "event", dc.siteId(site) + " cut off from the controller");
    }
    partitions[site] += cut ? 1 : -1;
  }

  boolean partitioned(int site) {
    return partitions[site] > 0;
  }

  double partitionedSinceS(int site) {
    return partitionedSinceS[site];
  }

  /** One more cause keeps {@code site} dark: every node loses power, every job stops. */
  void darken(int site) {
    if (darkCauses[site]++ > 0) {
      return;
    }
    timeline.add(time.nowS(), "event", dc.siteId(site) + " dark");
    for (int i = dc.siteStart(site); i < dc.siteStart(site) + dc.siteSize(site); i++) {
      jobs.interrupt(i, false);
      dc.nodes.state[i] = NodeTable.DARK;
      dc.refresh(i, time.nowS());
      jobs.nodeChanged(i);
    }
  }

  /** One cause fewer: when none is left, power returns and every node boots. */
  void relight(int site) {
    if (--darkCauses[site] > 0) {
      return;
    }
    timeline.add(time.nowS(), "event", dc.siteId(site) + " power back, nodes booting");
    for (int i = dc.siteStart(site); i < dc.siteStart(site) + dc.siteSize(site); i++) {
      dc.nodes.state[i] = NodeTable.BOOTING;
      dc.refresh(i, time.nowS());
      int node = i;
      time.at("boot done", time.nowS() + bootS, () -> booted(node));
    }
  }

  private void booted(int node) {
    if (dc.nodes.state[node] == NodeTable.BOOTING) {
      dc.nodes.state[node] = NodeTable.IDLE;
      dc.refresh(node, time.nowS());
      jobs.nodeChanged(node);
    }
  }
}
