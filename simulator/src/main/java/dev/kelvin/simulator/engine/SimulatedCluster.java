package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.simulator.model.DvfsModel;
import dev.kelvin.simulator.scenario.ScenarioSite;
import dev.kelvin.simulator.sched.QueuedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A failed, dark or switched-off node sends nothing and shows as stale; a site cut off from the
 * controller shows nothing new at all (the alarms raised before the cut stay open, as in the
 * live state).
 */
final class SimulatedCluster implements ClusterView {
  private static final SensorId CRAC = new SensorId("crac");
  private static final SensorId WEATHER = new SensorId("weather");
  private static final SensorId PDU = new SensorId("pdu");
  private static final SensorId UPS = new SensorId("ups");
  private static final SensorId GRID = new SensorId("grid");
  private static final SensorId PANEL = new SensorId("alarm-panel");

  private final Datacenter dc;
  private final JobBook jobs;
  private final Telemetry telemetry;
  private final SimTime time;
  private final DvfsModel clock;
  private final Setpoints setpoints;
  private final double cpuTempLimitC;
  private final List<ScenarioSite> sites;
  private final Sensors sensors;
  private final SiteConditions conditions;
  private final StateClock stateClock;

  SimulatedCluster(Datacenter dc, JobBook jobs, Telemetry telemetry, SimTime time,
      DvfsModel clock, Setpoints setpoints, double cpuTempLimitC, List<ScenarioSite> sites,
      Sensors sensors, SiteConditions conditions) {
    this.sensors = sensors;
    this.conditions = conditions;
    this.dc = dc;
    this.jobs = jobs;
    this.telemetry = telemetry;
    this.time = time;
    this.clock = clock;
    this.setpoints = setpoints;
    this.cpuTempLimitC = cpuTempLimitC;
    this.sites = List.copyOf(sites);
    this.stateClock = new StateClock(dc.nodes.size);
  }

  @Override
  public ClusterSnapshot snapshot(Instant now) {
    double nowS = time.toSeconds(now);
    TreeMap<NodeId, NodeView> views = new TreeMap<>();
    for (int i = 0; i < dc.nodes.size; i++) {
      views.put(dc.id(i), view(i, now, nowS));
    }
    return new ClusterSnapshot(now, views, siteViews(now), jobViews(), availability(nowS));
  }

  /** Every node's availability; a site cut off from the controller reports none. */
  private TreeMap<NodeId, NodeAvailability> availability(double nowS) {
    NodeTable nodes = dc.nodes;
    stateClock.observe(nodes, nowS);
    TreeMap<NodeId, NodeAvailability> all = new TreeMap<>();
    for (int i = 0; i < nodes.size; i++) {
      if (!conditions.partitioned(nodes.site[i])) {
        all.put(dc.id(i), new NodeAvailability(dc.id(i), availabilityState(nodes.state[i]),
            time.instantAt(stateClock.sinceS(i)), stateClock.drainedSinceS(i).stream()
                .mapToObj(time::instantAt).findFirst(), nodes.drained[i]));
      }
    }
    return all;
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

  private NodeView view(int i, Instant now, double nowS) {
    NodeTable nodes = dc.nodes;
    double tempC = sensors.cpuTempC(i, nowS, dc.settleTemperature(i, nowS));
    MetricValues latest = metrics(i, nodes.powerW[i], tempC, dc.inletC(nodes.site[i]),
        nodes.utilRatio[i], nodes.clockRatio[i], sensors.correctableErrors(i, nowS));
    long seq = telemetry.samples() + 1;
    boolean gpus = dc.gpus.count(i) > 0;
    NodeReading reading = gpus ? new NodeReading(dc.id(i), dc.rack(i), now, seq, latest,
        GpuReadings.now(dc, i)) : new NodeReading(dc.id(i), dc.rack(i), now, seq, latest);
    List<NodeReading> window = new ArrayList<>(telemetry.held() + 1);
    for (int k = 0; k < telemetry.held(); k++) {
      int cell = telemetry.cell(i, k);
      if (telemetry.timeS(cell) < nowS) {
        MetricValues sampled = metrics(i, telemetry.powerW(cell), telemetry.cpuTempC(cell),
            telemetry.inletC(cell), telemetry.utilRatio(cell), telemetry.clockRatio(cell),
            telemetry.correctableErrors(cell));
        window.add(new NodeReading(dc.id(i), dc.rack(i), time.instantAt(telemetry.timeS(cell)),
            telemetry.seqOf(k), sampled, gpus ? GpuReadings.sampled(dc, telemetry, i, cell)
                : new TreeMap<>()));
      }
    }
    window.add(reading);
    boolean silent = nodes.state[i] == NodeTable.OFF || nodes.state[i] == NodeTable.DOWN
        || nodes.state[i] == NodeTable.DARK;
    int site = nodes.site[i];
    if (conditions.partitioned(site)) {
      Instant lastHeard = time.instantAt(conditions.partitionedSinceS(site));
      NodeReading last = new NodeReading(dc.id(i), dc.rack(i), lastHeard, seq, latest,
          reading.devices());
      return new NodeView(dc.id(i), dc.rack(i), last, List.of(last), lastHeard, true);
    }
    return new NodeView(dc.id(i), dc.rack(i), reading, window, now, silent);
  }

  private MetricValues metrics(int i, double powerW, double tempC, double inletC,
      double utilRatio, double clockRatio, double correctableErrors) {
    double capMhz = setpoints.capMhz(i);
    MetricValues.Builder values = MetricValues.builder();
    if (!Double.isNaN(correctableErrors)) {
      values.set(NodeMetric.ECC_CORRECTABLE_TOTAL, correctableErrors);
    }
    if (utilRatio > 0) {
      // the share of a running job's time a lower clock does not stretch (docs/simulator.md)
      values.set(NodeMetric.CPU_MEM_BOUND_RATIO, 1 - dc.power.computeBoundShare());
    }
    return values
        .set(NodeMetric.POWER_WATTS, powerW)
        .set(NodeMetric.CPU_TEMP_CELSIUS, tempC)
        .set(NodeMetric.CPU_TEMP_LIMIT_CELSIUS, cpuTempLimitC)
        .set(NodeMetric.INLET_TEMP_CELSIUS, inletC)
        .set(NodeMetric.CPU_UTIL_RATIO, utilRatio)
        .set(NodeMetric.CPU_FREQ_MHZ, clock.reportedMhz(utilRatio, clockRatio * clock.maxMhz()))
        .set(NodeMetric.CPU_FREQ_CAP_MHZ, capMhz)
        .set(NodeMetric.CPU_FREQ_MIN_MHZ, clock.minMhz())
        .set(NodeMetric.CPU_FREQ_MAX_MHZ, clock.maxMhz())
        .set(NodeMetric.NODE_POWER_CAP_WATTS, setpoints.powerCapWatts(i))
        .set(NodeMetric.NODE_POWER_CAP_MIN_WATTS, setpoints.minWatts())
        .set(NodeMetric.NODE_POWER_CAP_MAX_WATTS, setpoints.maxWatts())
        .build();
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
      TreeSet<RackId> racks = new TreeSet<>();
      for (int i = dc.siteStart(s); i < dc.siteStart(s) + dc.siteSize(s); i++) {
        racks.add(dc.rack(i));
      }
      List<PowerBudget> budgets = new ArrayList<>();
      sites.get(s).powerBudgetKw().ifPresent(kw -> budgets.add(PowerBudget.ofSite(id,
          kw * 1000)));
      boolean cut = conditions.partitioned(s);
      views.put(id, new SiteView(id, racks, budgets, cut ? List.of() : facility(s, now),
          alarms(s, now)));
    }
    return views;
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

  /** The jobs running and waiting at every site, as the workload manager reports them. */
  private TreeMap<JobId, Job> jobViews() {
    TreeMap<JobId, Job> views = new TreeMap<>();
    for (int s = 0; s < dc.siteCount(); s++) {
      for (JobRun run : jobs.running(s)) {
        List<NodeId> on = new ArrayList<>(run.nodes.length);
        for (int i : run.nodes) {
          on.add(dc.id(i));
        }
        JobId id = jobId(run.trace.id());
        views.put(id, new Job(id, dc.siteId(s), Job.State.RUNNING, on, run.nodes.length,
            time.instantAt(run.submitS), Optional.of(time.instantAt(run.startS)),
            Duration.ofSeconds(run.trace.requestedS()), 0, false, Optional.empty()));
      }
      for (QueuedJob queued : jobs.queued(s)) {
        JobId id = jobId(queued.id());
        views.put(id, new Job(id, dc.siteId(s), Job.State.PENDING, List.of(), queued.nodes(),
            time.instantAt(queued.submitS()), Optional.empty(),
            Duration.ofSeconds(Math.max(1, queued.requestedS())), 0, false, Optional.empty()));
      }
      for (Map.Entry<QueuedJob, Double> held : jobs.held(s).entrySet()) {
        QueuedJob queued = held.getKey();
        JobId id = jobId(queued.id());
        views.put(id, new Job(id, dc.siteId(s), Job.State.PENDING, List.of(), queued.nodes(),
            time.instantAt(queued.submitS()), Optional.empty(),
            Duration.ofSeconds(Math.max(1, queued.requestedS())), 0, false, Optional.empty(),
            Optional.of(time.instantAt(held.getValue()))));
      }
    }
    return views;
  }
}
