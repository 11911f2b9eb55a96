package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.simulator.model.DvfsModel;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster view of simulation mode: every node as its agent would report it (power, CPU
 * and inlet temperatures, utilisation, clock, caps and their limits; each GPU's power,
 * utilisation and power limit with its range), with the window of its
 * telemetry samples ending in a reading taken now; each site with its racks, power budget,
 * facility readings (supply air, outdoor air, facility power, UPS on battery, grid carbon and
 * price) and open alarms; every running job; and each node's availability as a workload
 * manager reports it (idle, busy, suspended, booting or down since when, drained since when).
 * A failed, dark or switched-off node shows as stale; a site cut off from the controller shows
 * nothing new at all (its nodes last heard when the cut began, {@link NodeViews}; the alarms
 * raised before the cut still open, as in the live state).
 */
final class SimulatedCluster implements ClusterView {
  private static final SensorId CRAC = new SensorId("crac");
  private static final SensorId WEATHER = new SensorId("weather");
  private static final SensorId PDU = new SensorId("pdu");
  private static final SensorId UPS = new SensorId("ups");
  private static final SensorId GRID = new SensorId("grid");
  private static final SensorId PANEL = new SensorId("alarm-panel");

  private final Datacenter dc;
  private final JobViews jobViews;
  private final SimTime time;
  private final List<ScenarioSite> sites;
  private final SiteConditions conditions;
  private final StateClock stateClock;
  private final NodeViews nodeViews;
  /** Each node's availability as last reported, reused while it holds. */
  private final NodeAvailability[] availability;
  /** Every node's availability, sorted, kept from tick to tick while no site is cut off. */
  private final TreeMap<NodeId, NodeAvailability> allAvailability = new TreeMap<>();
  private final List<TreeSet<RackId>> siteRacks = new ArrayList<>();
  private final double[] keptSinceS;
  private final double[] keptDrainedS;

  SimulatedCluster(Datacenter dc, JobViews jobViews, Telemetry telemetry, SimTime time,
      DvfsModel clock, Setpoints setpoints, double cpuTempLimitC, List<ScenarioSite> sites,
      Sensors sensors, SiteConditions conditions) {
    this.conditions = conditions;
    this.dc = dc;
    this.jobViews = jobViews;
    this.time = time;
    this.sites = List.copyOf(sites);
    this.stateClock = new StateClock(dc.nodes.size);
    this.nodeViews = new NodeViews(dc, telemetry, time, clock, setpoints, cpuTempLimitC,
        sensors, stateClock, conditions);
    this.availability = new NodeAvailability[dc.nodes.size];
    this.keptSinceS = new double[dc.nodes.size];
    this.keptDrainedS = new double[dc.nodes.size];
  }

  @Override
  public ClusterSnapshot snapshot(Instant now) {
    double nowS = time.toSeconds(now);
    stateClock.observe(dc.nodes, nowS);
    TreeMap<NodeId, NodeView> views = nodeViews.at(now, nowS);
    return new ClusterSnapshot(now, views, siteViews(now), jobViews.all(), availability());
  }

  /**
   * Every node's availability; a site cut off from the controller reports none. A node's entry
   * is made anew only when its state, or its drain, changed since the last snapshot.
   */
  private TreeMap<NodeId, NodeAvailability> availability() {
    NodeTable nodes = dc.nodes;
    if (!anyPartitioned()) {
      if (allAvailability.isEmpty()) {
        for (int i = 0; i < nodes.size; i++) {
          allAvailability.put(dc.id(i), availabilityOf(i));
        }
      } else {
        // the map is kept sorted from tick to tick, its values replaced in node view order
        int[] order = nodeViews.order();
        int k = 0;
        for (Map.Entry<NodeId, NodeAvailability> entry : allAvailability.entrySet()) {
          entry.setValue(availabilityOf(order[k++]));
        }
      }
      return allAvailability;
    }
    TreeMap<NodeId, NodeAvailability> reporting = new TreeMap<>();
    for (int i = 0; i < nodes.size; i++) {
      if (!conditions.partitioned(nodes.site[i])) {
        reporting.put(dc.id(i), availabilityOf(i));
      }
    }
    return reporting;
  }

  private boolean anyPartitioned() {
    for (int s = 0; s < dc.siteCount(); s++) {
      if (conditions.partitioned(s)) {
        return true;
      }
    }
    return false;
  }

  private NodeAvailability availabilityOf(int i) {
    NodeTable nodes = dc.nodes;
    NodeAvailability.State state = availabilityState(nodes.state[i]);
    OptionalDouble drainedS = stateClock.drainedSinceS(i);
    NodeAvailability kept = availability[i];
    if (kept != null && kept.state() == state && keptSinceS[i] == stateClock.sinceS(i)
        && kept.drainedByKelvin() == nodes.drained[i]
        && kept.drainedAt().isPresent() == drainedS.isPresent()
        && (drainedS.isEmpty() || keptDrainedS[i] == drainedS.getAsDouble())) {
      return kept;
    }
    keptSinceS[i] = stateClock.sinceS(i);
    keptDrainedS[i] = drainedS.orElse(Double.NaN);
    availability[i] = new NodeAvailability(dc.id(i), state, time.instantAt(keptSinceS[i]),
        drainedS.isPresent() ? Optional.of(time.instantAt(keptDrainedS[i])) : Optional.empty(),
        nodes.drained[i]);
    return availability[i];
  }

  private static NodeAvailability.State availabilityState(byte state) {
    switch (state) {
      case NodeTable.OFF: return NodeAvailability.State.SUSPENDED;
      case NodeTable.BOOTING: return NodeAvailability.State.BOOTING;
      case NodeTable.IDLE: return NodeAvailability.State.IDLE;
      case NodeTable.BUSY: return NodeAvailability.State.BUSY;
      case NodeTable.DOWN:
      case NodeTable.DARK:
        return NodeAvailability.State.DOWN;
      default: throw new AssertionError(state);
    }
  }

  private List<FacilityReading> facility(int site, Instant now) {
    SiteId id = dc.siteId(site);
    return List.of(
        new FacilityReading(CRAC, id, now, FacilityKind.CRAC_SUPPLY_TEMP_CELSIUS,
            dc.supplyC(site)),
        new FacilityReading(WEATHER, id, now, FacilityKind.OUTDOOR_TEMP_CELSIUS,
            sites.get(site).outdoorCelsius()),
        new FacilityReading(PDU, id, now, FacilityKind.PDU_POWER_WATTS,
            dc.ledger.facilityWatts(site)),
        new FacilityReading(UPS, id, now, FacilityKind.UPS_ON_BATTERY,
            conditions.onBattery(site) ? 1 : 0),
        new FacilityReading(GRID, id, now, FacilityKind.GRID_CARBON_G_PER_KWH,
            dc.ledger.carbonGPerKwh(site)),
        new FacilityReading(GRID, id, now, FacilityKind.GRID_PRICE_PER_KWH,
            dc.ledger.pricePerKwh(site)));
  }

  /**
   * The site's open alarms; while it is cut off, those raised before the cut, last confirmed
   * when it began, as the live state keeps an alarm open until its sensor reports it clear.
   */
  private List<Alarm> alarms(int site, Instant now) {
    boolean cut = conditions.partitioned(site);
    double cutS = cut ? conditions.partitionedSinceS(site) : Double.NaN;
    List<Alarm> open = new ArrayList<>();
    conditions.openAlarms(site).forEach((kind, sinceS) -> {
      if (!cut || sinceS <= cutS) {
        open.add(new Alarm(PANEL, dc.siteId(site), kind, time.instantAt(sinceS),
            cut ? time.instantAt(cutS) : now));
      }
    });
    return open;
  }

  private TreeMap<SiteId, SiteView> siteViews(Instant now) {
    TreeMap<SiteId, SiteView> views = new TreeMap<>();
    for (int s = 0; s < dc.siteCount(); s++) {
      SiteId id = dc.siteId(s);
      TreeSet<RackId> racks = racks(s);
      List<PowerBudget> budgets = new ArrayList<>();
      sites.get(s).powerBudgetKw().ifPresent(kw -> budgets.add(PowerBudget.ofSite(id,
          kw * 1000)));
      boolean cut = conditions.partitioned(s);
      views.put(id, new SiteView(id, racks, budgets, cut ? List.of() : facility(s, now),
          alarms(s, now)));
    }
    return views;
  }

  /** The racks of site {@code s}: they never change, so they are gathered once. */
  private TreeSet<RackId> racks(int s) {
    while (siteRacks.size() <= s) {
      TreeSet<RackId> racks = new TreeSet<>();
      int site = siteRacks.size();
      for (int i = dc.siteStart(site); i < dc.siteStart(site) + dc.siteSize(site); i++) {
        racks.add(dc.rack(i));
      }
      siteRacks.add(racks);
    }
    return siteRacks.get(s);
  }

  /** A trace job's id as the cluster view names it: {@code j} and its number. */
  static JobId jobId(long traceId) {
    return new JobId("j" + traceId);
  }

  /** The trace number of a job id this view gave out, if it is one. */
  static Optional<Long> traceId(String jobId) {
    if (jobId.length() < 2 || jobId.charAt(0) != 'j'
        || !jobId.substring(1).chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(jobId.substring(1)));
  }
}
