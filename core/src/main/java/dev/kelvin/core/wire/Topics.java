package dev.kelvin.core.wire;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT topic layout (docs/architecture.md, "Wire conventions"), under a configurable
 * prefix, {@code kelvin/v1} by default:
 *
 * <pre>
 * {prefix}/{site}/node/{node}/telemetry   node readings (JSON)
 * {prefix}/{site}/node/{node}/status      online/offline, retained, the agent's Last Will
 * {prefix}/{site}/node/{node}/cmd         commands to the agent (QoS 1, never retained)
 * {prefix}/{site}/node/{node}/cmd/ack     the agent's answers
 * {prefix}/{site}/telemetry                a batch of readings of many nodes of the site
 * {prefix}/{site}/facility/{sensor}       facility sensors
 * {prefix}/controller/status              the controller's own Last Will
 * </pre>
 */
public record Topics(String prefix) {
  public static final String DEFAULT_PREFIX = "kelvin/v1";

  public Topics {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/")
        || prefix.contains("+") || prefix.contains("#") || prefix.contains("//")) {
      throw new IllegalArgumentException("MQTT topic prefix '" + prefix + "' is not valid: it"
          + " must be non-empty, without wildcards (+ #) and without leading, trailing or double"
          + " slashes, like " + DEFAULT_PREFIX);
    }
  }

  public static Topics defaults() {
    return new Topics(DEFAULT_PREFIX);
  }

  /** The channels under a node's topic. */
  public enum Channel {
    TELEMETRY("telemetry"), STATUS("status"), COMMAND("cmd"), COMMAND_ACK("cmd/ack");

    private final String suffix;

    Channel(String suffix) {
      this.suffix = suffix;
    }

    public String suffix() {
      return suffix;
    }
  }

  /** A node topic taken apart. */
  public record NodeTopic(NodeId node, Channel channel) {}

  public String node(NodeId node, Channel channel) {
    return prefix + "/" + node.site() + "/node/" + node.name() + "/" + channel.suffix();
  }

  public String nodeTelemetry(NodeId node) {
    return node(node, Channel.TELEMETRY);
  }

  public String nodeStatus(NodeId node) {
    return node(node, Channel.STATUS);
  }

  public String nodeCommand(NodeId node) {
    return node(node, Channel.COMMAND);
  }

  public String nodeCommandAck(NodeId node) {
    return node(node, Channel.COMMAND_ACK);
  }

  public String facility(SiteId site, SensorId sensor) {
    return prefix + "/" + site + "/facility/" + sensor;
  }

  /** The topic of batches of readings of many nodes of {@code site}. */
  public String siteTelemetry(SiteId site) {
    return prefix + "/" + site + "/telemetry";
  }

  /** The subscription filter for the batch telemetry of every site. */
  public String allSiteTelemetry() {
    return prefix + "/+/telemetry";
  }

  /** The subscription filter for every facility sensor of every site. */
  public String allFacility() {
    return prefix + "/+/facility/+";
  }

  /** A site-level topic taken apart: batch telemetry, or a facility sensor's readings. */
  public record SiteTopic(SiteId site, Optional<SensorId> sensor) {
    /** Whether this is a facility sensor's topic (else the site's batch telemetry). */
    public boolean facility() {
      return sensor.isPresent();
    }
  }

  /**
   * Takes a site batch telemetry or facility topic apart. Empty when the topic is neither or
   * names an invalid site or sensor.
   */
  public Optional<SiteTopic> parseSite(String topic) {
    if (topic == null || !topic.startsWith(prefix + "/")) {
      return Optional.empty();
    }
    String[] levels = topic.substring(prefix.length() + 1).split("/", -1);
    try {
      if (levels.length == 2 && levels[1].equals("telemetry")) {
        return Optional.of(new SiteTopic(SiteId.of(levels[0]), Optional.empty()));
      }
      if (levels.length == 3 && levels[1].equals("facility")) {
        return Optional.of(new SiteTopic(SiteId.of(levels[0]),
            Optional.of(new SensorId(levels[2]))));
      }
    } catch (IllegalArgumentException badName) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  public String controllerStatus() {
    return prefix + "/controller/status";
  }

  /** The subscription filter for {@code channel} of every node of every site. */
  public String allNodes(Channel channel) {
    return prefix + "/+/node/+/" + channel.suffix();
  }

  /**
   * Takes a node topic apart. Empty when the topic is not under the prefix, not a node topic,
   * or names an invalid site or node.
   */
  public Optional<NodeTopic> parseNode(String topic) {
    if (topic == null || !topic.startsWith(prefix + "/")) {
      return Optional.empty();
    }
    String[] levels = topic.substring(prefix.length() + 1).split("/", -1);
    if (levels.length < 4 || !levels[1].equals("node")) {
      return Optional.empty();
    }
    String rest = String.join("/", java.util.Arrays.copyOfRange(levels, 3, levels.length));
    for (Channel channel : Channel.values()) {
      if (channel.suffix().equals(rest)) {
        try {
          return Optional.of(new NodeTopic(NodeId.of(levels[0], levels[2]), channel));
        } catch (IllegalArgumentException badName) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
