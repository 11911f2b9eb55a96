package dev.kelvin.app.agent;

import dev.kelvin.agent.AgentSettings;
import dev.kelvin.app.config.MqttConfig;
import dev.kelvin.app.config.YamlFiles;
import dev.kelvin.core.config.ConfigKey;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code agent.yaml}, the configuration of {@code kelvin agent}: which node this is, the
 * broker (the same {@code mqtt} section as the controller's), the agent's pace and limits, and
 * the simulated hardware it plays for now. Unknown keys, wrong types and refused values stop
 * the start with one line naming the key.
 */
public record AgentConfig(NodeId node, RackId rack, AgentSettings agent,
    SimulatedHardware simulated) {
  static final String DEFAULT_SOURCE = "agent.yaml";

  /** Reads every key of {@code root} and refuses keys it does not know. */
  public static AgentConfig read(ConfigTree root) {
    Optional<String> site = root.optionalString("site");
    Optional<String> name = root.optionalString("node");
    String rack = root.string("rack", RackId.UNKNOWN.value());
    MqttConfig mqtt = MqttConfig.read(root);
    Duration interval = root.duration("publish_interval", Duration.ofSeconds(1));
    Duration maxLease = root.duration("max_lease", Duration.ofMinutes(10));
    Duration maxClockSkew = root.duration("max_clock_skew", Duration.ofSeconds(5));
    boolean requireBroker = root.bool("require_broker_at_start", true);
    SimulatedHardware simulated = SimulatedHardware.read(root.section("simulated"));
    AgentConfig config = root.build(() -> new AgentConfig(
        NodeId.of(site.orElseThrow(() -> missing("site", "site-a")),
            name.orElseThrow(() -> missing("node", "n07"))),
        RackId.of(rack), new AgentSettings(mqtt.endpoint(), mqtt.topics(), interval, maxLease,
            maxClockSkew, requireBroker, new AgentSettings.Timing(mqtt.keepAlive(),
                mqtt.connectTimeout(), mqtt.reconnect())), simulated));
    root.requireNoUnknownKeys();
    mqtt.requireLogin();
    return config;
  }

  public static AgentConfig read(Path file) {
    return read(YamlFiles.read(file));
  }

  /** Every key with its default: what docs/configuration.md lists for agent.yaml. */
  public static List<ConfigKey> keys() {
    ConfigTree empty = YamlFiles.of(DEFAULT_SOURCE, "");
    try {
      read(empty);
    } catch (IllegalArgumentException requiredKeysAreMissing) {
      // site, node and the login have no default: the keys were read all the same
    }
    return empty.keysRead();
  }

  private static IllegalArgumentException missing(String key, String example) {
    return new IllegalArgumentException("'" + key + "' is required: the " + key + " this agent"
        + " runs on, as its topics name it (e.g. " + key + ": " + example + ")");
  }
}
