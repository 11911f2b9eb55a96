package dev.kelvin.core.wire;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.validation.Names;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Kelvin JSON telemetry batches: many readings in one message, which is how thousands of nodes
 * fit through one MQTT connection.
 *
 * <pre>
 * {"v":1, "readings":[{"node":"n07", "ts_ms":1763900000000, "seq":42, "power_w":312.5},
 *                     {"node":"n08", "ts_ms":1763900000000, "seq":17, "power_w":298.0}]}
 * </pre>
 *
 * Each entry is a reading in the {@link TelemetryWire} schema; it inherits {@code v} from the
 * batch. On a site's batch topic each entry names its {@code node}; on a node's telemetry topic
 * the entries are that node's (an agent sending what it buffered) and {@code node} may be left
 * out. Entries are checked one by one: a bad entry is refused with its index, the others kept.
 */
public final class BatchWire {
  public static final String READINGS = "readings";
  /** More entries than this in one message is refused whole. */
  public static final int MAX_READINGS = 10_000;

  private BatchWire() {}

  /** Whether {@code json} is a batch (it has a {@code readings} list) rather than a reading. */
  public static boolean isBatch(Map<String, ?> json) {
    return json.containsKey(READINGS);
  }

  /** The batch as an ordered map ready for a JSON writer; each reading names its node. */
  public static Map<String, Object> encode(List<NodeReading> readings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(TelemetryWire.V, TelemetryWire.VERSION);
    out.put(READINGS, readings.stream().map(reading -> {
      Map<String, Object> entry = TelemetryWire.encode(reading);
      entry.remove(TelemetryWire.V);
      return entry;
    }).toList());
    return out;
  }

  /**
   * Decodes the batch {@code json} received on a topic of {@code site}, and of {@code node}
   * when it is a node's topic, handing each valid reading to {@code kept} and each refused
   * entry to {@code refused}, in order.
   *
   * @throws ValidationException when the batch itself is refused (version, shape, size)
   */
  public static void decode(SiteId site, Optional<NodeId> node, Map<String, ?> json,
      Consumer<NodeReading> kept, Consumer<ValidationException> refused) {
    decode(site, node, json, IdInterner.NONE, kept, refused);
  }

  /**
   * As {@link #decode(SiteId, Optional, Map, Consumer, Consumer)}, with each reading's node and
   * rack ids taken from {@code ids}, so that the readings of one node share them.
   */
  public static void decode(SiteId site, Optional<NodeId> node, Map<String, ?> json,
      IdInterner ids, Consumer<NodeReading> kept, Consumer<ValidationException> refused) {
    Fields fields = new Fields(json);
    long version = fields.requireLong(TelemetryWire.V);
    List<Map<String, ?>> entries = fields.optionalObjects(READINGS, MAX_READINGS);
    for (int i = 0; i < entries.size(); i++) {
      Map<String, ?> entry = entries.get(i);
      NodeReading reading;
      try {
        reading = TelemetryWire.decode(nodeOf(site, node, entry), entry, version, ids);
      } catch (ValidationException bad) {
        String where = READINGS + "[" + i + "]";
        refused.accept(new ValidationException(bad.reason(), where + "." + bad.field(),
            where + ": " + bad.getMessage()));
        continue;
      }
      kept.accept(reading);
    }
  }

  private static NodeId nodeOf(SiteId site, Optional<NodeId> node, Map<String, ?> entry) {
    if (node.isPresent()) {
      return node.get();
    }
    Object name = entry.get(TelemetryWire.NODE);
    if (name == null) {
      throw new ValidationException(RejectReason.MISSING_FIELD, TelemetryWire.NODE,
          "a reading in a site batch must name its node (\"node\":\"n07\")");
    }
    if (!(name instanceof String text)) {
      throw new ValidationException(RejectReason.WRONG_TYPE, TelemetryWire.NODE,
          "node must be a string, was " + name.getClass().getSimpleName());
    }
    return new NodeId(site, Names.require(TelemetryWire.NODE, text));
  }
}
