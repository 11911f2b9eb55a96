package dev.kelvin.telemetry.decode.sparkplug;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the Sparkplug B codec reads facility gateways.
 *
 * @param namespace the first topic level, {@code spBv1.0} for Sparkplug B
 * @param groups the group ids (Kelvin sites) whose messages the codec takes; empty for all
 * @param rebirthInterval the least time between two rebirth requests to one edge node
 * @param maxEdgeNodes edge nodes whose state is kept at most; messages of further ones are
 *     refused, so a flood of invented edge node ids cannot grow memory
 * @param maxDevicesPerEdgeNode devices of one edge node whose births are kept at most
 * @param maxPayloadBytes a larger message is refused as too large
 * @param mapping which metric names become which facility readings
 */
public record SparkplugSettings(String namespace, Set<String> groups, Duration rebirthInterval,
    int maxEdgeNodes, int maxDevicesPerEdgeNode, int maxPayloadBytes,
    SparkplugMapping mapping) {

  public static final String NAMESPACE = "spBv1.0";

  public SparkplugSettings {
    Objects.requireNonNull(namespace, "namespace");
    if (namespace.isEmpty() || namespace.contains("/") || namespace.contains("+")
        || namespace.contains("#")) {
      throw new IllegalArgumentException("namespace must be one MQTT topic level such as "
          + NAMESPACE + ", was '" + namespace + "'");
    }
    groups = Set.copyOf(groups);
    Objects.requireNonNull(rebirthInterval, "rebirthInterval");
    if (rebirthInterval.isNegative()) {
      throw new IllegalArgumentException("rebirthInterval must be >= 0 s, was "
          + rebirthInterval);
    }
    requirePositive("maxEdgeNodes", maxEdgeNodes);
    requirePositive("maxDevicesPerEdgeNode", maxDevicesPerEdgeNode);
    requirePositive("maxPayloadBytes", maxPayloadBytes);
    Objects.requireNonNull(mapping, "mapping");
  }

  /**
   * Namespace {@code spBv1.0}, every group, a rebirth request at most every 10 s per edge node,
   * 10,000 edge nodes of up to 1,000 devices each, payloads up to 1 MiB, the default mapping.
   */
  public static SparkplugSettings defaults() {
    return new SparkplugSettings(NAMESPACE, Set.of(), Duration.ofSeconds(10), 10_000, 1_000,
        1 << 20, SparkplugMapping.defaults());
  }

  public SparkplugSettings withGroups(Set<String> newGroups) {
    return new SparkplugSettings(namespace, newGroups, rebirthInterval, maxEdgeNodes,
        maxDevicesPerEdgeNode, maxPayloadBytes, mapping);
  }

  public SparkplugSettings withRebirthInterval(Duration interval) {
    return new SparkplugSettings(namespace, groups, interval, maxEdgeNodes,
        maxDevicesPerEdgeNode, maxPayloadBytes, mapping);
  }

  public SparkplugSettings withMapping(SparkplugMapping newMapping) {
    return new SparkplugSettings(namespace, groups, rebirthInterval, maxEdgeNodes,
        maxDevicesPerEdgeNode, maxPayloadBytes, newMapping);
  }

  public SparkplugSettings withLimits(int edgeNodes, int devicesPerEdgeNode, int payloadBytes) {
    return new SparkplugSettings(namespace, groups, rebirthInterval, edgeNodes,
        devicesPerEdgeNode, payloadBytes, mapping);
  }

  /** The MQTT subscription filters that cover these settings' topics. */
  public java.util.List<String> subscriptions() {
    if (groups.isEmpty()) {
      return java.util.List.of(namespace + "/#");
    }
    return groups.stream().sorted().map(group -> namespace + "/" + group + "/#").toList();
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
