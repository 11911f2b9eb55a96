package dev.kelvin.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kelvin.app.config.ExampleConfigs;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigKey;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agent.yaml as {@code kelvin agent} reads it: the example, the required keys, mistakes. */
class AgentConfigTest {
  private static final String NODE = "site: site-a\nnode: n07\n"
      + "mqtt:\n  allow_anonymous_for_tests: true\n";

  @TempDir
  Path dir;

  @Test
  void the_example_configuration_reads() throws IOException {
    AgentConfig config = AgentConfig.read(ExampleConfigs.copy("agent.yaml", dir));

    assertThat(config.node()).isEqualTo(NodeId.of("site-a", "n01"));
    assertThat(config.rack()).isEqualTo(RackId.of("r1"));
    assertThat(config.agent().endpoint().broker())
        .isEqualTo(URI.create("tcp://127.0.0.1:18830"));
    assertThat(config.agent().endpoint().password()).contains(ExampleConfigs.PASSWORD);
    assertThat(config.agent().maxLease()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.agent().maxClockSkew()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.agent().requireBrokerAtStart()).isTrue();
    assertThat(config.simulated()).isEqualTo(new SimulatedHardware(30,
        SimulatedHardware.Load.STEADY, 1.0, 7));
  }

  @Test
  void the_clock_skew_defaults_to_five_seconds_and_reads_as_a_duration() throws IOException {
    Path defaults = Files.writeString(dir.resolve("defaults.yaml"), NODE);
    Path set = Files.writeString(dir.resolve("set.yaml"), NODE + "max_clock_skew: 500ms\n");

    assertThat(AgentConfig.read(defaults).agent().maxClockSkew())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(AgentConfig.read(set).agent().maxClockSkew()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void an_agent_without_a_broker_login_is_refused() throws IOException {
    ConfigException e = refused("site: site-a\nnode: n07\n");

    assertThat(e.getMessage()).hasLineCount(1)
        .contains("mqtt.username: a broker login is required");
  }

  @Test
  void a_clock_skew_longer_than_the_maximum_lease_is_refused_naming_both() throws IOException {
    ConfigException e = refused(NODE + "max_lease: 1m\nmax_clock_skew: 2m\n");

    assertThat(e.getMessage()).hasLineCount(1).contains("maxClockSkew PT2M")
        .contains("longer than maxLease PT1M");
  }

  @Test
  void a_missing_node_is_refused_naming_the_key_with_an_example() throws IOException {
    ConfigException e = refused("site: site-a\n");

    assertThat(e.getMessage()).hasLineCount(1).contains("'node' is required")
        .contains("(e.g. node: n07)");
  }

  @Test
  void a_missing_site_is_refused_naming_the_key_with_an_example() throws IOException {
    ConfigException e = refused("node: n07\n");

    assertThat(e.getMessage()).hasLineCount(1).contains("'site' is required")
        .contains("(e.g. site: site-a)");
  }

  @Test
  void an_unknown_key_is_refused_with_the_nearest_known_key() throws IOException {
    ConfigException e = refused(NODE + "publish_intervall: 2s\n");

    assertThat(e.key()).isEqualTo("publish_intervall");
    assertThat(e.getMessage()).hasLineCount(1)
        .contains("publish_intervall: unknown key; did you mean publish_interval?");
  }

  @Test
  void a_workload_that_does_not_exist_is_refused_listing_the_allowed_ones() throws IOException {
    ConfigException e = refused(NODE + "simulated:\n  workload: burst\n");

    assertThat(e.getMessage()).hasLineCount(1)
        .endsWith(": simulated.workload = \"burst\": must be one of demo, steady");
  }

  @Test
  void a_steady_load_above_one_is_refused_with_its_range() throws IOException {
    ConfigException e = refused(NODE + "simulated:\n  steady_load: 90\n");

    assertThat(e.key()).isEqualTo("simulated.steady_load");
    assertThat(e.getMessage()).hasLineCount(1)
        .contains("simulated.steady_load = 90: must be a number within 0.01..1");
  }

  @Test
  void keys_lists_every_key_including_those_without_a_default() {
    assertThat(AgentConfig.keys()).extracting(ConfigKey::path).contains("site", "node", "rack",
        "mqtt.broker", "mqtt.password_file", "mqtt.tls.ca_file", "publish_interval",
        "max_lease", "require_broker_at_start", "simulated.inlet_c", "simulated.workload",
        "simulated.steady_load", "simulated.seed");
    assertThat(AgentConfig.keys()).contains(new ConfigKey("simulated.inlet_c", "24"),
        new ConfigKey("node", "none"));
  }

  private ConfigException refused(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("agent.yaml"), yaml);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> AgentConfig.read(file));
    assertThat(e).as("a ConfigException").isNotNull();
    assertThat(e.getMessage()).startsWith(file + ": ");
    return e;
  }
}
