package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.simulator.model.DvfsModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every node as its agent would report it, for the simulated cluster view: a reading taken now
 * at the end of the window of its telemetry samples. A node that is off, down or dark shows as
 * stale. A node of a site cut off from the controller shows what it last sent, received when the
 * cut began, so that its silence has a length as it would live. A node's reading of a past
 * sample is made once and kept while the sample is in its window, so that the readings a tick
 * sees are the very ones the tick before saw.
 *
 * <p>The views sit in one sorted map kept from tick to tick (its values replaced in place), so
 * a tick sorts nothing; the snapshot copies it.
 */
final class NodeViews {
  private final Datacenter dc;
  private final Telemetry telemetry;
  private final SimTime time;
  private final DvfsModel clock;
  private final Setpoints setpoints;
  private final double cpuTempLimitC;
  private final Sensors sensors;
  private final StateClock stateClock;
  private final SiteConditions conditions;
  private final TreeMap<NodeId, NodeView> views = new TreeMap<>();
  /** The node index of each entry of {@link #views}, in its order. */
  private final int[] order;
  /** Each node's last reading sent, or null before it sent one. */
  private final NodeReading[] lastSent;
  /** Each cut-off node's view as last shown, and the sample count then. */
  private final NodeView[] silentViews;
  private final long[] silentViewSamples;
  /** The readings made of past samples: per node, per window slot; null until made. */
  private final NodeReading[] sampled;

  NodeViews(Datacenter dc, Telemetry telemetry, SimTime time, DvfsModel clock,
      Setpoints setpoints, double cpuTempLimitC, Sensors sensors, StateClock stateClock,
      SiteConditions conditions) {
    this.conditions = conditions;
    this.dc = dc;
    this.telemetry = telemetry;
    this.time = time;
    this.clock = clock;
    this.setpoints = setpoints;
    this.cpuTempLimitC = cpuTempLimitC;
    this.sensors = sensors;
    this.stateClock = stateClock;
    this.lastSent = new NodeReading[dc.nodes.size];
    this.silentViews = new NodeView[dc.nodes.size];
    this.silentViewSamples = new long[dc.nodes.size];
    this.sampled = new NodeReading[dc.nodes.size * telemetry.window()];
    Map<NodeId, Integer> index = new TreeMap<>();
    for (int i = 0; i < dc.nodes.size; i++) {
      index.put(dc.id(i), i);
    }
    this.order = index.values().stream().mapToInt(Integer::intValue).toArray();
  }

  /** The node index of each node in node order. */
  int[] order() {
    return order;
  }

  /** Every node's view at {@code now}, sorted by node; the map is reused by the next call. */
  TreeMap<NodeId, NodeView> at(Instant now, double nowS) {
    if (views.isEmpty()) {
      for (int i : order) {
        views.put(dc.id(i), view(i, now, nowS));
      }
      return views;
    }
    int k = 0;
    for (Map.Entry<NodeId, NodeView> entry : views.entrySet()) {
      entry.setValue(view(order[k++], now, nowS));
    }
    return views;
  }

  private NodeView view(int i, Instant now, double nowS) {
    int site = dc.nodes.site[i];
    if (conditions.partitioned(site)) {
      return cutOff(i, nowS, Math.min(nowS, conditions.partitionedSinceS(site)));
    }
    NodeReading reading = reading(i, now, telemetry.samples() + 1, current(i, nowS));
    boolean silent = silent(dc.nodes.state[i]);
    if (!silent) {
      lastSent[i] = reading;
    }
    return new NodeView(dc.id(i), dc.rack(i), reading, window(i, nowS, reading), now, silent);
  }

  /** A node whose site is cut off since {@code cutS}: what it sent last, heard at the cut. */
  private NodeView cutOff(int i, double nowS, double cutS) {
    NodeReading last = lastHeard(i, nowS, cutS);
    NodeView kept = silentViews[i];
    if (kept != null && kept.latest() == last && silentViewSamples[i] == telemetry.samples()) {
      return kept; // nothing sent and nothing sampled since: the very view of the last tick
    }
    silentViews[i] = new NodeView(dc.id(i), dc.rack(i), last,
        window(i, time.toSeconds(last.at()), last), last.at(), true);
    silentViewSamples[i] = telemetry.samples();
    return silentViews[i];
  }

  /**
   * The last reading of a node silent since {@code silentSinceS}: the values it last sent,
   * received when it fell silent (a live agent reports every few seconds until it stops, where
   * a simulated node reports only at ticks and samples); made once, then kept while it stays
   * silent. A node never heard from shows what it shows now.
   */
  private NodeReading lastHeard(int i, double nowS, double silentSinceS) {
    NodeReading last = lastSent[i];
    Instant silentSince = time.instantAt(silentSinceS);
    if (last == null) {
      last = reading(i, silentSince, telemetry.samples() + 1, current(i, nowS));
    } else if (last.at().isBefore(silentSince)) {
      last = new NodeReading(last.node(), last.rack(), silentSince, last.seq(),
          last.metrics(), last.devices());
    }
    lastSent[i] = last;
    return last;
  }

  /** The node's held samples taken before {@code beforeS}, then {@code latest}. */
  private List<NodeReading> window(int i, double beforeS, NodeReading latest) {
    List<NodeReading> window = new ArrayList<>(telemetry.held() + 1);
    for (int k = 0; k < telemetry.held(); k++) {
      int cell = telemetry.cell(i, k);
      if (telemetry.timeS(cell) < beforeS) {
        window.add(sampledReading(i, k, cell));
      }
    }
    window.add(latest);
    return window;
  }

  private NodeReading sampledReading(int i, int k, int cell) {
    long seq = telemetry.seqOf(k);
    NodeReading kept = sampled[cell];
    if (kept != null && kept.seq() == seq) {
      return kept;
    }
    MetricValues values = metrics(telemetry.powerW(cell), telemetry.cpuTempC(cell),
        telemetry.inletC(cell), telemetry.utilRatio(cell), telemetry.clockRatio(cell),
        telemetry.correctableErrors(cell), telemetry.capMhz(cell), telemetry.powerCapWatts(cell));
    boolean gpus = dc.gpus.count(i) > 0;
    NodeReading made = new NodeReading(dc.id(i), dc.rack(i),
        time.instantAt(telemetry.timeS(cell)), seq, values,
        gpus ? GpuReadings.sampled(dc, telemetry, i, cell) : new TreeMap<>());
    sampled[cell] = made;
    return made;
  }

  private NodeReading reading(int i, Instant at, long seq, MetricValues values) {
    return dc.gpus.count(i) > 0 ? new NodeReading(dc.id(i), dc.rack(i), at, seq, values, GpuReadings.now(dc, i))
        : new NodeReading(dc.id(i), dc.rack(i), at, seq, values);
  }

  private MetricValues current(int i, double nowS) {
    NodeTable nodes = dc.nodes;
    double tempC = sensors.cpuTempC(i, nowS, dc.settleTemperature(i, nowS));
    return metrics(nodes.powerW[i], tempC, dc.inletC(nodes.site[i]), nodes.utilRatio[i],
        nodes.clockRatio[i], sensors.correctableErrors(i, nowS), setpoints.capMhz(i),
        setpoints.powerCapWatts(i));
  }

  private static boolean silent(byte state) {
    return state == NodeTable.OFF || state == NodeTable.DOWN || state == NodeTable.DARK;
  }

  private MetricValues metrics(double powerW, double tempC, double inletC, double utilRatio,
      double clockRatio, double correctableErrors, double capMhz, double powerCapW) {
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
        .set(NodeMetric.NODE_POWER_CAP_WATTS, powerCapW)
        .set(NodeMetric.NODE_POWER_CAP_MIN_WATTS, setpoints.minWatts())
        .set(NodeMetric.NODE_POWER_CAP_MAX_WATTS, setpoints.maxWatts())
        .build();
  }
}
