package dev.kelvin.core.wire;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The schema of Kelvin JSON telemetry, version 1: one flat object per reading.
 *
 * <pre>
 * {"v":1, "site":"site-a", "node":"n07", "rack":"r1", "ts_ms":1763900000000, "seq":42,
 *  "power_w":312.5, "cpu_temp_c":71.2, "cpu_temp_limit_c":85, "cpu_util":0.83,
 *  "cpu_freq_mhz":2400, "cpu_freq_cap_mhz":2600, "cpu_freq_min_mhz":1200, ...,
 *  "gpus":[{"index":0, "gpu_power_w":251.0, "gpu_power_limit_w":300,
 *           "gpu_power_limit_min_w":100, "gpu_power_limit_max_w":350}],
 *  "cpu_packages":[{"index":0, "cpu_temp_c":70.5, "cpu_power_w":160.2}]}
 * </pre>
 *
 * Device entries carry the metrics that may be reported per device (see {@link NodeMetric});
 * a node-only metric inside one, or one device listed twice, is refused as inconsistent.
 *
 * {@code v}, {@code ts_ms} (Unix epoch milliseconds) and {@code seq} are required; {@code site}
 * and {@code node} are optional but, when present, must match the topic; metrics are optional
 * one by one (an absent or null metric is a missing reading) but at least one must be present.
 * Unknown fields are ignored so that newer agents can talk to older controllers. Syntax is
 * the caller's business (each module parses with its own JSON library); the field names,
 * units and checks live here, once.
 */
public final class TelemetryWire {
  public static final int VERSION = 1;
  public static final String V = "v";
  public static final String SITE = "site";
  public static final String NODE = "node";
  public static final String RACK = "rack";
  public static final String TS_MS = "ts_ms";
  public static final String SEQ = "seq";
  /** The index of a device in a reading's {@code gpus} or {@code cpu_packages} list. */
  public static final String INDEX = "index";
  /** More devices of one kind than this in a reading is not a node. */
  private static final int MAX_DEVICES = 64;
  /** Copies of the enums' values, made once: {@code values()} clones its array per call. */
  private static final NodeMetric[] METRICS = NodeMetric.values();
  private static final Device.Kind[] DEVICE_KINDS = Device.Kind.values();

  /** Years past 2200 in milliseconds: a larger ts_ms is microseconds or nanoseconds. */
  private static final long MAX_TS_MS = 7_258_118_400_000L;
  /** 2001-09-09 in milliseconds: a smaller ts_ms is seconds (10 digits where 13 belong). */
  private static final long MIN_TS_MS = 1_000_000_000_000L;

  private TelemetryWire() {}

  /** The reading as an ordered map ready for a JSON writer. */
  public static Map<String, Object> encode(NodeReading reading) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(V, VERSION);
    out.put(SITE, reading.node().site().value());
    out.put(NODE, reading.node().name());
    out.put(RACK, reading.rack().value());
    out.put(TS_MS, reading.at().toEpochMilli());
    out.put(SEQ, reading.seq());
    reading.metrics().asMap().forEach((metric, value) -> out.put(metric.wireName(), value));
    for (Device.Kind kind : DEVICE_KINDS) {
      List<Map<String, Object>> entries = new ArrayList<>();
      reading.devices(kind).forEach((device, values) -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(INDEX, device.index());
        values.asMap().forEach((metric, value) -> entry.put(metric.wireName(), value));
        entries.add(entry);
      });
      if (!entries.isEmpty()) {
        out.put(kind.listName(), entries);
      }
    }
    return out;
  }

  /**
   * Builds a reading from a decoded JSON object received on the telemetry topic of
   * {@code fromTopic}.
   *
   * @throws ValidationException naming the field, the unit and the bad value
   */
  public static NodeReading decode(NodeId fromTopic, Map<String, ?> json) {
    return decode(fromTopic, json, null, IdInterner.NONE);
  }

  /**
   * As {@link #decode(NodeId, Map)}, with the reading's node and rack ids taken from {@code
   * ids}, so that the readings of one node share them.
   */
  public static NodeReading decode(NodeId fromTopic, Map<String, ?> json, IdInterner ids) {
    return decode(fromTopic, json, null, ids);
  }

  /**
   * As {@link #decode(NodeId, Map)}, for an entry of a batch: {@code batchVersion}, the
   * batch's {@code v}, stands in for the entry's own when it has none (null: no batch).
   */
  static NodeReading decode(NodeId fromTopic, Map<String, ?> json, Long batchVersion,
      IdInterner ids) {
    Fields fields = new Fields(json);
    long version = batchVersion != null && !fields.has(V) ? batchVersion
        : fields.requireLong(V);
    if (version != VERSION) {
      throw new ValidationException(RejectReason.UNSUPPORTED_VERSION, V,
          "telemetry format v=" + version + " is not supported by this controller, which reads v="
              + VERSION + " (is the agent newer than the controller?)");
    }
    requireMatch(fields, SITE, fromTopic.site().value());
    requireMatch(fields, NODE, fromTopic.name());
    RackId rack = fields.optionalString(RACK).map(RackId::of).map(ids::rack)
        .orElse(RackId.UNKNOWN);
    Instant at = Instant.ofEpochMilli(timestampMs(fields));
    long seq = fields.requireLong(SEQ);
    return new NodeReading(ids.node(fromTopic), rack, at, seq, metrics(fields),
        devices(fields));
  }

  private static SortedMap<Device, MetricValues> devices(Fields fields) {
    SortedMap<Device, MetricValues> devices = new TreeMap<>();
    for (Device.Kind kind : DEVICE_KINDS) {
      List<Map<String, ?>> entries = fields.optionalObjects(kind.listName(), MAX_DEVICES);
      for (int i = 0; i < entries.size(); i++) {
        Fields entry = new Fields(entries.get(i));
        String where = kind.listName() + "[" + i + "]";
        Device device = new Device(kind, deviceIndex(entry, where));
        MetricValues values = prefixed(where,
            () -> metrics(entry).requireValidAt(java.util.Optional.of(device)));
        if (devices.put(device, values) != null) {
          throw new ValidationException(RejectReason.INCONSISTENT, where,
              kind.listName() + " lists " + device + " twice");
        }
      }
    }
    return devices;
  }

  private static int deviceIndex(Fields entry, String where) {
    long index = prefixed(where, () -> entry.requireLong(INDEX));
    if (index < 0 || index > Device.MAX_INDEX) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, where + "." + INDEX,
          where + "." + INDEX + " must be within 0.." + Device.MAX_INDEX + ", was " + index);
    }
    return (int) index;
  }

  /** Runs {@code decode}, naming the device entry in any error it throws. */
  private static <T> T prefixed(String where, java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (ValidationException e) {
      throw new ValidationException(e.reason(), where + "." + e.field(),
          where + ": " + e.getMessage());
    }
  }

  /** The {@code ts_ms} of {@code fields}, checked to be Unix epoch milliseconds. */
  static long timestampMs(Fields fields) {
    long ms = fields.requireLong(TS_MS);
    if (ms < MIN_TS_MS || ms > MAX_TS_MS) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, TS_MS,
          "ts_ms must be Unix epoch milliseconds (13 digits, 2001..2200), was " + ms
              + (ms > MAX_TS_MS ? " (microseconds or nanoseconds? divide by 1000 or 1000000)"
                  : ms > 0 ? " (seconds? multiply by 1000)" : " (a missing clock sent as 0?)"));
    }
    return ms;
  }

  /** Every known metric in {@code fields}; where each may be reported is the reading's check. */
  private static MetricValues metrics(Fields fields) {
    MetricValues.Builder metrics = MetricValues.builder();
    for (NodeMetric metric : METRICS) {
      Number value = fields.numberOrNull(metric.wireName());
      if (value != null) {
        metrics.set(metric, value.doubleValue());
      }
    }
    return metrics.build();
  }

  private static void requireMatch(Fields fields, String field, String expected) {
    if (fields.has(field)) {
      String actual = fields.requireString(field);
      if (!actual.equals(expected)) {
        throw new ValidationException(RejectReason.TOPIC_MISMATCH, field,
            "payload says " + field + "='" + actual + "' but was published on the topic of "
                + field + " '" + expected + "' (an agent configured with another node's name?)");
      }
    }
  }
}
