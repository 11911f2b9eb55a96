package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.SiteId;
import java.util.Map;
import java.util.Objects;

/**
 * How the Telegraf codec reads Telegraf's MQTT output.
 *
 * @param topicFilter the MQTT topic filter the codec handles; Telegraf's default topic is
 *     {@code telegraf/{host}/{plugin}}
 * @param precision the unit of the line timestamps (Telegraf writes nanoseconds)
 * @param defaultSite the site of a line without a {@code siteTag} tag
 * @param nodeTag the tag that names the node ({@code host}, which Telegraf adds to every
 *     metric unless {@code omit_hostname = true})
 * @param nodeTagByMeasurement the node's tag for measurements that name it elsewhere: the
 *     Redfish plugin polls a BMC from another host and names the node in {@code source}
 * @param siteTag the tag that names the site, when a line carries it
 * @param rackTag the tag that names the rack, when a line carries it (the Redfish plugin's
 *     location tags include {@code rack})
 * @param maxPayloadBytes a larger message is refused whole as {@code too_large}
 * @param maxLineChars a longer line is refused as {@code too_large}
 * @param maxLines the lines of a message past this many are refused as {@code too_large}
 * @param maxRunningAggregates (node, metric) pairs whose per-message values are combined across
 *     the messages of one instant; past this, new pairs are combined per message only
 * @param sensorNames BMC sensor names (IPMI or Redfish, lower case with '_' for spaces) mapped
 *     to the Kelvin metric they measure ({@code power_w}, {@code cpu_power_w},
 *     {@code cpu_temp_c} or {@code inlet_temp_c}), in addition to the names Kelvin knows
 */
public record TelegrafSettings(String topicFilter, Precision precision, SiteId defaultSite,
    String nodeTag, Map<String, String> nodeTagByMeasurement, String siteTag, String rackTag,
    int maxPayloadBytes, int maxLineChars, int maxLines, int maxRunningAggregates,
    Map<String, String> sensorNames) {

  public TelegrafSettings {
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(defaultSite, "defaultSite");
    requireText("topicFilter", topicFilter);
    requireText("nodeTag", nodeTag);
    requireText("siteTag", siteTag);
    requireText("rackTag", rackTag);
    nodeTagByMeasurement = Map.copyOf(nodeTagByMeasurement);
    nodeTagByMeasurement.values().forEach(tag -> requireText("nodeTagByMeasurement", tag));
    sensorNames = Map.copyOf(sensorNames);
    sensorNames.forEach((name, metric) -> {
      if (SensorNames.Role.fromWireName(metric).isEmpty()) {
        throw new IllegalArgumentException("sensorNames maps '" + name + "' to '" + metric
            + "': use power_w, cpu_power_w, cpu_temp_c or inlet_temp_c");
      }
    });
    requirePositive("maxPayloadBytes", maxPayloadBytes, "bytes");
    requirePositive("maxLineChars", maxLineChars, "characters");
    requirePositive("maxLines", maxLines, "lines");
    if (maxRunningAggregates < 0) {
      throw new IllegalArgumentException("maxRunningAggregates must be >= 0, was "
          + maxRunningAggregates);
    }
  }

  /**
   * The defaults: topics {@code telegraf/#}, nanosecond timestamps, site {@code site-a}, the
   * node from {@code host} (from {@code source} for the Redfish measurements), site and rack
   * from {@code site} and {@code rack} when present, messages up to 4 MiB, lines up to 64 Ki
   * characters, 10,000 lines a message, 200,000 running aggregates, no extra sensor names.
   */
  public static TelegrafSettings defaults() {
    return new TelegrafSettings("telegraf/#", Precision.NANOSECONDS, SiteId.of("site-a"), "host",
        Map.of("redfish_thermal_temperatures", "source", "redfish_power_powersupplies",
            "source"),
        "site", "rack", 4 * 1024 * 1024, 64 * 1024, 10_000, 200_000, Map.of());
  }

  /** The tag that names the node in lines of {@code measurement}. */
  public String nodeTagFor(String measurement) {
    return nodeTagByMeasurement.getOrDefault(measurement, nodeTag);
  }

  public TelegrafSettings withTopicFilter(String value) {
    return new TelegrafSettings(value, precision, defaultSite, nodeTag, nodeTagByMeasurement,
        siteTag, rackTag, maxPayloadBytes, maxLineChars, maxLines, maxRunningAggregates,
        sensorNames);
  }

  public TelegrafSettings withPrecision(Precision value) {
    return new TelegrafSettings(topicFilter, value, defaultSite, nodeTag, nodeTagByMeasurement,
        siteTag, rackTag, maxPayloadBytes, maxLineChars, maxLines, maxRunningAggregates,
        sensorNames);
  }

  public TelegrafSettings withDefaultSite(SiteId value) {
    return new TelegrafSettings(topicFilter, precision, value, nodeTag, nodeTagByMeasurement,
        siteTag, rackTag, maxPayloadBytes, maxLineChars, maxLines, maxRunningAggregates,
        sensorNames);
  }

  public TelegrafSettings withNodeTag(String value) {
    return new TelegrafSettings(topicFilter, precision, defaultSite, value, nodeTagByMeasurement,
        siteTag, rackTag, maxPayloadBytes, maxLineChars, maxLines, maxRunningAggregates,
        sensorNames);
  }

  /** These limits on one message: its bytes, the characters of a line, its lines. */
  public TelegrafSettings withLimits(int payloadBytes, int lineChars, int lines) {
    return new TelegrafSettings(topicFilter, precision, defaultSite, nodeTag,
        nodeTagByMeasurement, siteTag, rackTag, payloadBytes, lineChars, lines,
        maxRunningAggregates, sensorNames);
  }

  public TelegrafSettings withSensorNames(Map<String, String> value) {
    return new TelegrafSettings(topicFilter, precision, defaultSite, nodeTag,
        nodeTagByMeasurement, siteTag, rackTag, maxPayloadBytes, maxLineChars, maxLines,
        maxRunningAggregates, value);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty (a tag name or topic"
          + " filter), was " + (value == null ? "missing" : "'" + value + "'"));
    }
  }

  private static void requirePositive(String name, int value, String unit) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1 " + unit + ", was " + value);
    }
  }
}
