package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.validation.Names;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.mqtt.TopicFilter;
import dev.kelvin.telemetry.decode.Decoded;
import dev.kelvin.telemetry.decode.PayloadCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Telegraf's MQTT output in InfluxDB line protocol: a message holds one metric
 * ({@code batch = false}) or many ({@code batch = true}). The lines of one node and one
 * instant become one {@code NodeReading} with {@code seq} 0 (Telegraf has no sequence numbers);
 * node-level figures built from per-core, per-package, per-GPU or per-supply lines are combined
 * across the messages of one instant too ({@link RunningAggregates}). Lines of measurements
 * Kelvin does not read are ignored and counted ({@link #stats()}); a bad line is refused with
 * its line number, column and reason while the others are kept. docs/telemetry.md has the
 * mapping table. Thread-safe.
 */
public final class TelegrafCodec implements PayloadCodec {
  private final TelegrafSettings settings;
  private final LineProtocol parser;
  private final Map<String, MeasurementMapping> mappings;
  private final RunningAggregates running;
  private final LongAdder messages = new LongAdder();
  private final LongAdder lines = new LongAdder();
  private final LongAdder mapped = new LongAdder();
  private final LongAdder ignored = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder readings = new LongAdder();

  private record DraftKey(NodeId node, Instant at) {}

  public TelegrafCodec(TelegrafSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.parser = new LineProtocol(settings.precision(), settings.maxLineChars(),
        settings.maxLines());
    this.running = new RunningAggregates(settings.maxRunningAggregates());
    this.mappings = mappings(settings);
  }

  private static Map<String, MeasurementMapping> mappings(TelegrafSettings settings) {
    Map<String, SensorNames.Role> extra = new HashMap<>();
    settings.sensorNames().forEach((name, metric) -> extra.put(SensorNames.normalized(name),
        SensorNames.Role.fromWireName(metric).orElseThrow()));
    BmcMappings bmc = new BmcMappings(new SensorNames(extra));
    return Map.of("ipmi_sensor", bmc::ipmiSensor,
        "redfish_thermal_temperatures", bmc::redfishTemperature,
        "redfish_power_powersupplies", bmc::redfishPowerSupply,
        "powerstat_package", HostMappings::powerstatPackage,
        "powerstat_core", HostMappings::powerstatCore,
        "nvidia_smi", NvidiaSmiMapping::map,
        "cpu", HostMappings::cpu,
        "mem", HostMappings::mem,
        "temp", HostMappings::temp);
  }

  @Override
  public boolean handles(String topic) {
    return TopicFilter.matches(settings.topicFilter(), topic);
  }

  @Override
  public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
    messages.increment();
    if (payload.length > settings.maxPayloadBytes()) {
      refused.increment();
      throw new ValidationException(RejectReason.TOO_LARGE, "payload", "payload of "
          + payload.length + " bytes is larger than the limit of " + settings.maxPayloadBytes()
          + " bytes (telegraf max_payload_bytes): lower Telegraf's metric_batch_size, or raise"
          + " the limit");
    }
    LineProtocol.Parsed parsed = parser.parse(new String(payload, StandardCharsets.UTF_8));
    lines.add(parsed.lines().size() + parsed.refused().size());
    Decoded.Builder out = Decoded.builder();
    parsed.refused().forEach(out::refused);
    for (NodeDraft draft : drafts(parsed.lines(), receivedAt, out)) {
      try {
        out.node(draft.build(running));
      } catch (ValidationException inconsistent) {
        out.refused(inconsistent);
      }
    }
    Decoded decoded = out.build();
    refused.add(decoded.refused().size());
    readings.add(decoded.nodes().size());
    return decoded;
  }

  /** The readings the lines build, one per node and instant; bad lines go to {@code out}. */
  private Collection<NodeDraft> drafts(List<Line> lines, Instant receivedAt,
      Decoded.Builder out) {
    Map<DraftKey, NodeDraft> drafts = new LinkedHashMap<>();
    for (Line line : lines) {
      try {
        map(line, receivedAt, drafts);
      } catch (ValidationException bad) {
        out.refused(bad);
      }
    }
    return drafts.values();
  }

  private void map(Line line, Instant receivedAt, Map<DraftKey, NodeDraft> drafts) {
    MeasurementMapping mapping = mappings.get(line.measurement());
    LineValues values = new LineValues(line);
    if (mapping != null) {
      mapping.map(values);
    }
    List<Contribution> contributions = values.contributions();
    if (contributions.isEmpty()) {
      ignored.increment();
      return;
    }
    NodeId node = nodeOf(line);
    RackId rack = line.tag(settings.rackTag()).map(value -> named(line, "rack", value))
        .map(RackId::of).orElse(RackId.UNKNOWN);
    Instant at = line.at().orElse(receivedAt);
    drafts.computeIfAbsent(new DraftKey(node, at), key -> new NodeDraft(node, at))
        .add(line.number(), rack, contributions);
    mapped.increment();
  }

  private NodeId nodeOf(Line line) {
    String tag = settings.nodeTagFor(line.measurement());
    String name = line.tag(tag).orElseThrow(() -> new ValidationException(
        RejectReason.MISSING_FIELD, tag, "line " + line.number() + ": " + line.measurement()
            + " has no " + tag + " tag to name its node" + (tag.equals("host")
                ? ": Telegraf adds host unless the agent sets omit_hostname = true"
                : "") + " (the codec's node_tag and node_tag_by_measurement say which tag"
            + " names the node)"));
    SiteId site = line.tag(settings.siteTag()).map(value -> named(line, "site", value))
        .map(SiteId::of).orElse(settings.defaultSite());
    return new NodeId(site, named(line, "node", name));
  }

  /** {@code value} when it is a valid Kelvin name, else a refusal naming the line. */
  private static String named(Line line, String field, String value) {
    try {
      return Names.require(field, value);
    } catch (ValidationException bad) {
      throw new ValidationException(bad.reason(), field, "line " + line.number() + ": "
          + bad.getMessage());
    }
  }

  /**
   * The node of Telegraf's default topic layout, {@code .../{host}/{plugin}}: the level before
   * the last, at the default site. Used only to throttle reject log lines per node.
   */
  @Override
  public Optional<NodeId> topicNode(String topic) {
    String[] levels = topic.split("/", -1);
    if (levels.length < 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new NodeId(settings.defaultSite(), levels[levels.length - 2]));
    } catch (ValidationException notAName) {
      return Optional.empty();
    }
  }

  public TelegrafSettings settings() {
    return settings;
  }

  public TelegrafStats stats() {
    return new TelegrafStats(messages.sum(), lines.sum(), mapped.sum(), ignored.sum(),
        refused.sum(), readings.sum(), running.overflows());
  }
}
