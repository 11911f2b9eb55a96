package dev.kelvin.telemetry.store;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import java.util.Locale;
import java.util.Map;

/**
 * Kelvin's readings and actions as InfluxDB line protocol, one line per point, timestamps in
 * milliseconds. A point's identity in InfluxDB is its measurement, tags and timestamp, so
 * writing the same lines twice stores nothing twice.
 * <ul>
 *   <li>{@code node} (tags {@code site}, {@code rack}, {@code node}): each node-level metric
 *       under its wire name ({@link NodeMetric#wireName()}, e.g. {@code power_w}), and
 *       {@code seq} as an integer;</li>
 *   <li>{@code node_gpu} (tag {@code gpu}) and {@code node_cpu} (tag {@code cpu}, the
 *       package index), with the node's tags: each device's metrics;</li>
 *   <li>{@code facility} (tags {@code site}, {@code sensor}, {@code kind}): {@code value} in the
 *       kind's unit;</li>
 *   <li>{@code action}: one point per audit event, see {@link ActionLines};</li>
 *   <li>{@code node_state} (tags {@code site}, {@code node}): a node's availability after a
 *       change, stamped at its {@code since}: {@code state} (e.g. {@code down}), {@code
 *       since_ms}, {@code drained} and {@code drained_by_kelvin}.</li>
 * </ul>
 * Thread-safe (stateless).
 */
public final class LinePoints {
  /** The measurement of node-level metrics. */
  public static final String NODE = "node";
  /** The measurement of GPU metrics. */
  public static final String NODE_GPU = "node_gpu";
  /** The measurement of CPU package metrics. */
  public static final String NODE_CPU = "node_cpu";
  /** The measurement of facility readings. */
  public static final String FACILITY = "facility";
  /** The measurement of actions and their results. */
  public static final String ACTION = "action";
  /** The measurement of the nodes' changes of availability. */
  public static final String NODE_STATE = "node_state";

  /** The metrics in field order, copied once ({@code values()} clones per call). */
  private static final NodeMetric[] METRICS = NodeMetric.values();

  private LinePoints() {}

  /** Appends the points of {@code reading}; returns how many (1 plus one per device). */
  public static int appendNode(StringBuilder out, NodeReading reading) {
    long millis = reading.at().toEpochMilli();
    LineProtocol.measurement(out, NODE);
    nodeTags(out, reading);
    char sep = fields(out, reading.metrics(), ' ');
    LineProtocol.intField(out, sep, "seq", reading.seq());
    LineProtocol.timestampMillis(out, millis);
    int points = 1;
    if (reading.devices().isEmpty()) {
      return points;
    }
    for (Map.Entry<Device, MetricValues> device : reading.devices().entrySet()) {
      if (!device.getValue().isEmpty()) {
        appendDevice(out, reading, device.getKey(), device.getValue(), millis);
        points++;
      }
    }
    return points;
  }

  /** Appends the one point of {@code reading}; returns 1. */
  public static int appendFacility(StringBuilder out, FacilityReading reading) {
    LineProtocol.measurement(out, FACILITY);
    LineProtocol.tag(out, "kind", reading.kind().name().toLowerCase(Locale.ROOT));
    LineProtocol.tag(out, "sensor", reading.sensor().value());
    LineProtocol.tag(out, "site", reading.site().value());
    LineProtocol.floatField(out, ' ', "value", reading.value());
    LineProtocol.timestampMillis(out, reading.at().toEpochMilli());
    return 1;
  }

  /**
   * Appends the one point of an audit event: an action at one stage of its life, with its
   * result once carried out; returns 1.
   */
  public static int appendAction(StringBuilder out, AuditEvent event) {
    return ActionLines.append(out, event);
  }

  /**
   * Appends the one point of a node's availability after a change, stamped at its {@code
   * since}, so that the same change written again is the same point; returns 1. Draining a node
   * in its state keeps its {@code since}, so the drain replaces the point of that state.
   */
  public static int appendNodeState(StringBuilder out, NodeAvailability changed) {
    long since = changed.since().toEpochMilli();
    LineProtocol.measurement(out, NODE_STATE);
    LineProtocol.tag(out, "node", changed.node().name());
    LineProtocol.tag(out, "site", changed.node().site().value());
    LineProtocol.stringField(out, ' ', "state", state(changed.state()));
    LineProtocol.intField(out, ',', "since_ms", since);
    LineProtocol.boolField(out, ',', "drained", changed.drained());
    LineProtocol.boolField(out, ',', "drained_by_kelvin", changed.drainedByKelvin());
    LineProtocol.timestampMillis(out, since);
    return 1;
  }

  /** A state as the {@code state} field stores it, e.g. {@code down}. */
  public static String state(NodeAvailability.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  /** The measurement a device's metrics go to. */
  static String measurement(Device.Kind kind) {
    if (kind == Device.Kind.GPU) {
      return NODE_GPU;
    }
    if (kind == Device.Kind.CPU_PACKAGE) {
      return NODE_CPU;
    }
    throw new AssertionError(kind);
  }

  /** The tag that names a device of {@code kind}: {@code gpu} or {@code cpu}. */
  static String tagKey(Device.Kind kind) {
    return kind == Device.Kind.GPU ? "gpu" : "cpu";
  }

  private static void appendDevice(StringBuilder out, NodeReading reading, Device device,
      MetricValues values, long millis) {
    LineProtocol.measurement(out, measurement(device.kind()));
    LineProtocol.tag(out, tagKey(device.kind()), Integer.toString(device.index()));
    nodeTags(out, reading);
    fields(out, values, ' ');
    LineProtocol.timestampMillis(out, millis);
  }

  /** Tags in key order, as InfluxDB sorts them itself: node, rack, site. */
  private static void nodeTags(StringBuilder out, NodeReading reading) {
    LineProtocol.tag(out, "node", reading.node().name());
    LineProtocol.tag(out, "rack", reading.rack().value());
    LineProtocol.tag(out, "site", reading.node().site().value());
  }

  /** Appends the present metrics; returns the separator for the next field. */
  private static char fields(StringBuilder out, MetricValues values, char first) {
    char sep = first;
    for (NodeMetric metric : METRICS) {
      double value = values.getOrNaN(metric);
      if (!Double.isNaN(value)) {
        LineProtocol.floatField(out, sep, metric.wireName(), value);
        sep = ',';
      }
    }
    return sep;
  }

  /** The outcome of a result as a field value, e.g. {@code applied}. */
  static String outcome(ActionResult result) {
    return result.outcome().name().toLowerCase(Locale.ROOT);
  }

  /** The type of an action as a tag value, e.g. {@code set_cpu_freq_cap}. */
  static String type(Action action) {
    return action.type().wireName();
  }
}
