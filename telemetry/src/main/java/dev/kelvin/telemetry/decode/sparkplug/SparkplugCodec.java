package dev.kelvin.telemetry.decode.sparkplug;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import dev.kelvin.telemetry.decode.Decoded;
import dev.kelvin.telemetry.decode.PayloadCodec;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugTopic.MessageType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sparkplug B facility gateways (CRACs, PDUs, UPSs, weather stations, alarm panels) as a host
 * application of Sparkplug B 3.0 reads them: NBIRTH, NDATA, NDEATH, DBIRTH, DDATA and DDEATH
 * on {@code spBv1.0/{group}/{type}/{edge node}[/{device}]} become facility readings of site
 * {@code group} and sensor {@code device} (or {@code edge node} for the node's own metrics),
 * through the {@link SparkplugMapping}. Per edge node it keeps the {@link EdgeNodeSession}
 * (bdSeq, seq, aliases); a seq gap, data before a birth or an unknown alias asks the edge
 * node for a rebirth through the {@link RebirthRequester}, at most once per
 * {@link SparkplugSettings#rebirthInterval()} as the receive times tell.
 *
 * <p>Payloads are read with Tahu's protobuf schema one metric at a time, not with Tahu's
 * payload decoder, which fails the whole message on one metric it cannot type: here one bad
 * metric is refused and the others kept. Thread-safe; the messages of one edge node must be
 * decoded in the order they arrived (one at a time), or their seq will look broken.
 */
public final class SparkplugCodec implements PayloadCodec {
  private static final Logger log = LoggerFactory.getLogger(SparkplugCodec.class);

  private record EdgeKey(String group, String edge) {}

  private final SparkplugSettings settings;
  private final RebirthRequester rebirths;
  private final SparkplugCounters counters = new SparkplugCounters();
  private final ConcurrentMap<EdgeKey, EdgeNodeSession> sessions = new ConcurrentHashMap<>();

  public SparkplugCodec(SparkplugSettings settings, RebirthRequester rebirths) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.rebirths = Objects.requireNonNull(rebirths, "rebirths");
  }

  /** Topics under the namespace, of a configured group when groups are configured. */
  @Override
  public boolean handles(String topic) {
    String prefix = settings.namespace() + "/";
    if (topic == null || !topic.startsWith(prefix)) {
      return false;
    }
    int end = topic.indexOf('/', prefix.length());
    String group = topic.substring(prefix.length(), end < 0 ? topic.length() : end);
    return settings.groups().isEmpty() || group.equals("STATE")
        || settings.groups().contains(group);
  }

  @Override
  public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(receivedAt, "receivedAt");
    try {
      return decodeChecked(topic, payload, receivedAt);
    } catch (ValidationException refused) {
      throw refused;
    } catch (RuntimeException bug) {
      log.error("Sparkplug message on {} could not be processed", WireText.shown(topic), bug);
      throw new ValidationException(RejectReason.INTERNAL_ERROR, "payload", "the Sparkplug"
          + " message could not be processed (a Kelvin bug, please report it): " + bug);
    }
  }

  /** The protocol events counted so far. */
  public SparkplugStats stats() {
    return counters.snapshot();
  }

  /** Edge nodes whose state is kept now. */
  public int edgeNodes() {
    return sessions.size();
  }

  private Decoded decodeChecked(String topic, byte[] payload, Instant receivedAt) {
    SparkplugTopic parsed = SparkplugTopic.parse(settings.namespace(), topic);
    if (parsed.type().isIgnored()) {
      counters.ignoredMessages.increment();
      return Decoded.empty();
    }
    SiteId site = siteOf(parsed);
    SensorId sensor = sensorOf(parsed);
    Payload message = parse(payload);
    Instant messageTime = message.hasTimestamp()
        ? instantOf(message.getTimestamp(), "timestamp") : receivedAt;
    MessageReader reader = new MessageReader(settings.mapping(), counters, site, sensor,
        messageTime);
    return switch (parsed.type()) {
      case NBIRTH -> nodeBirth(parsed, message, reader);
      case NDEATH -> nodeDeath(parsed, message);
      case DBIRTH -> deviceBirth(parsed, message, reader, receivedAt);
      default -> data(parsed, message, reader, receivedAt);
    };
  }

  private Decoded nodeBirth(SparkplugTopic topic, Payload message, MessageReader reader) {
    EdgeNodeSession session = session(topic);
    BirthTable.Builder table = BirthTable.builder();
    reader.birth(message.getMetricsList(), table);
    session.nodeBirth(bdSeqOf(message), seqOf(message), table.build());
    counters.births.increment();
    return reader.decoded();
  }

  private Decoded nodeDeath(SparkplugTopic topic, Payload message) {
    EdgeNodeSession session = sessions.get(new EdgeKey(topic.group(), topic.edge()));
    if (session != null && session.nodeDeath(bdSeqOf(message))) {
      counters.deaths.increment();
    } else {
      counters.staleDeaths.increment();
      log.debug("Ignored a stale NDEATH of {}/{} (bdSeq {} is not the current birth's)",
          topic.group(), topic.edge(), bdSeqOf(message));
    }
    return Decoded.empty();
  }

  private Decoded deviceBirth(SparkplugTopic topic, Payload message, MessageReader reader,
      Instant receivedAt) {
    EdgeNodeSession session = session(topic);
    EdgeNodeSession.Step step = session.sequenced(topic.type(), topic.device(),
        seqOf(message), counters);
    BirthTable.Builder table = BirthTable.builder();
    reader.birth(message.getMetricsList(), table);
    session.deviceBirth(topic.device().orElseThrow(), table.build());
    counters.births.increment();
    requestRebirth(topic, session, step.rebirthCause(), receivedAt);
    return reader.decoded();
  }

  private Decoded data(SparkplugTopic topic, Payload message, MessageReader reader,
      Instant receivedAt) {
    EdgeNodeSession session = session(topic);
    EdgeNodeSession.Step step = session.sequenced(topic.type(), topic.device(),
        seqOf(message), counters);
    if (topic.type() == MessageType.DDEATH) {
      counters.deviceDeaths.increment();
      requestRebirth(topic, session, step.rebirthCause(), receivedAt);
      return Decoded.empty();
    }
    reader.data(message.getMetricsList(), step.table());
    Optional<String> cause = step.rebirthCause().or(() -> reader.unknownAliases() == 0
        ? Optional.empty()
        : Optional.of(reader.unknownAliases() + " metric(s) sent by an undeclared alias"));
    requestRebirth(topic, session, cause, receivedAt);
    return reader.decoded();
  }

  private void requestRebirth(SparkplugTopic topic, EdgeNodeSession session,
      Optional<String> cause, Instant receivedAt) {
    if (cause.isEmpty() || !session.claimRebirth(receivedAt, settings.rebirthInterval())) {
      return;
    }
    String commandTopic = topic.nodeCommandTopic(settings.namespace());
    try {
      rebirths.request(commandTopic, RebirthCommand.payload(receivedAt));
      counters.rebirthRequests.increment();
      log.info("Asked Sparkplug edge node {}/{} for a rebirth on {}: {} (at most once per {})",
          topic.group(), topic.edge(), commandTopic, cause.get(), settings.rebirthInterval());
    } catch (RuntimeException failed) {
      counters.rebirthRequestsFailed.increment();
      log.warn("Could not ask Sparkplug edge node {}/{} for a rebirth on {} ({}); retried on"
          + " the next cause after {}", topic.group(), topic.edge(), commandTopic, cause.get(),
          settings.rebirthInterval(), failed);
    }
  }

  private EdgeNodeSession session(SparkplugTopic topic) {
    EdgeKey key = new EdgeKey(topic.group(), topic.edge());
    EdgeNodeSession session = sessions.get(key);
    if (session != null) {
      return session;
    }
    if (sessions.size() >= settings.maxEdgeNodes()) {
      throw new ValidationException(RejectReason.UNKNOWN_NODE, "topic", "Sparkplug edge node "
          + topic.group() + "/" + topic.edge() + " is new, and " + settings.maxEdgeNodes()
          + " edge nodes are already tracked (sparkplug max_edge_nodes): raise the limit, or"
          + " check for gateways inventing edge node ids");
    }
    return sessions.computeIfAbsent(key,
        absent -> new EdgeNodeSession(settings.maxDevicesPerEdgeNode()));
  }

  private SiteId siteOf(SparkplugTopic topic) {
    if (!settings.groups().isEmpty() && !settings.groups().contains(topic.group())) {
      throw new ValidationException(RejectReason.BAD_TOPIC, "topic", "Sparkplug group '"
          + WireText.shown(topic.group(), 64) + "' is not one of the configured groups "
          + settings.groups().stream().sorted().toList() + " (sparkplug groups)");
    }
    return new SiteId(validName("group id", topic.group()));
  }

  private static SensorId sensorOf(SparkplugTopic topic) {
    String id = topic.device().orElse(topic.edge());
    return new SensorId(validName(topic.device().isPresent() ? "device id" : "edge node id",
        id));
  }

  private static String validName(String what, String value) {
    try {
      return dev.kelvin.core.validation.Names.require(what, value);
    } catch (ValidationException invalid) {
      throw new ValidationException(RejectReason.BAD_TOPIC, "topic", "Sparkplug " + what
          + " '" + WireText.shown(value, 64) + "' cannot name a Kelvin "
          + (what.equals("group id") ? "site" : "sensor") + ": use 1-64 letters, digits, '.',"
          + " '_' or '-' starting with a letter or digit");
    }
  }

  private Payload parse(byte[] payload) {
    if (payload.length > settings.maxPayloadBytes()) {
      throw new ValidationException(RejectReason.TOO_LARGE, "payload", "Sparkplug payload of "
          + payload.length + " bytes is larger than the limit of " + settings.maxPayloadBytes()
          + " bytes (sparkplug max_payload_bytes)");
    }
    try {
      return Payload.parseFrom(payload);
    } catch (InvalidProtocolBufferException malformed) {
      throw new ValidationException(RejectReason.MALFORMED, "payload", "not a Sparkplug B"
          + " payload (protobuf): " + malformed.getMessage() + " (truncated, or not"
          + " Sparkplug B on a Sparkplug topic?)");
    }
  }

  private static OptionalLong seqOf(Payload message) {
    return message.hasSeq() ? OptionalLong.of(message.getSeq()) : OptionalLong.empty();
  }

  /** The {@code bdSeq} metric of an NBIRTH or NDEATH, when it has an integer one. */
  private static OptionalLong bdSeqOf(Payload message) {
    for (Metric metric : message.getMetricsList()) {
      if ("bdSeq".equals(metric.getName())) {
        if (metric.getValueCase() == Metric.ValueCase.LONG_VALUE) {
          return OptionalLong.of(metric.getLongValue());
        }
        if (metric.getValueCase() == Metric.ValueCase.INT_VALUE) {
          return OptionalLong.of(Integer.toUnsignedLong(metric.getIntValue()));
        }
      }
    }
    return OptionalLong.empty();
  }

  /** A Sparkplug timestamp (ms since the epoch, unsigned) as an instant. */
  static Instant instantOf(long epochMillis, String field) {
    if (epochMillis < 0) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, field, field + " "
          + Long.toUnsignedString(epochMillis) + " ms is beyond any date Kelvin reads: a"
          + " Sparkplug timestamp is milliseconds since 1970 (UTC)");
    }
    return Instant.ofEpochMilli(epochMillis);
  }
}
