package dev.kelvin.app.run;

import dev.kelvin.actuators.ActuatorSettings;
import dev.kelvin.actuators.slurm.SlurmSettings;
import dev.kelvin.app.config.MqttConfig;
import dev.kelvin.app.config.YamlFiles;
import dev.kelvin.app.controller.ControllerSettings;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.backlog.BacklogSettings;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigKey;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.dashboard.DashboardSettings;
import dev.kelvin.mqtt.access.ClientIds;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RuleConfig;
import dev.kelvin.telemetry.IngestFormats;
import dev.kelvin.telemetry.TelemetrySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * {@code kelvin.yaml}, the configuration of {@code kelvin run}, mapped onto the settings
 * records of the modules. Every key has a default (docs/configuration.md lists them, and a
 * test keeps that list true); an unknown key, a wrong type or a value a record refuses stops
 * the start with one line naming the key, the value and the reason.
 *
 * @param predictor which power model the controller runs with
 * @param rules the settings of every rule family and the operator's rules folder
 * @param slurm where node availability and jobs come from; empty: no workload manager is read
 */
public record RunConfig(ControllerSettings controller, PredictorConfig predictor,
    RuleConfig rules, Optional<SlurmSettings> slurm) {
  /** The name messages use for a document read from no file. */
  static final String DEFAULT_SOURCE = "kelvin.yaml";
  private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Reads every key of {@code root} and refuses keys it does not know. */
  public static RunConfig read(ConfigTree root) {
    MqttConfig mqtt = MqttConfig.read(root);
    Optional<String> instance = instance(root.section("mqtt"));
    TelemetrySettings telemetry = telemetry(root.section("telemetry"), mqtt, instance);
    StateSettings state = StateConfig.read(root.section("state"));
    root.build("telemetry", () -> requireBlindBeforeStale(telemetry, state));
    // A node's clock gets the same allowance for its acks as for its readings.
    ActuatorSettings actuators = actuators(root.section("actuators"), mqtt, instance,
        state.maxFutureSkew());
    // Every section below is checked as it is read; ControllerSettings itself checks only the
    // control section's values (the tick), so a refusal of it names that section.
    RuleConfig rules = RuleConfig.read(root.section("policy"));
    ControllerSettings controller = root.build("control", () -> new ControllerSettings(
        state, telemetry, actuators,
        rules.parameters().get(PolicySettings.class), GuardConfig.read(root.section("guard")),
        audit(root.section("audit")), root.section("control").duration("tick",
            Duration.ofSeconds(1)), root.section("control").duration("status_every",
            Duration.ofSeconds(30)), dashboard(root.section("dashboard")),
        root.sections("budgets", RunConfig::budget),
        root.section("approvals").duration("max_age", ApprovalStore.DEFAULT_MAX_AGE),
        StoreConfig.read(root.section("store").section("influx"))));
    PredictorConfig predictor = PredictorConfig.read(root.section("predictor"));
    Optional<SlurmSettings> slurm = SlurmConfig.read(root.section("workload").section("slurm"));
    root.requireNoUnknownKeys();
    mqtt.requireLogin();
    return new RunConfig(controller, predictor, rules, slurm);
  }

  /** Reads {@code file}. */
  public static RunConfig read(Path file) {
    return read(YamlFiles.read(file));
  }

  /** Every key with its default, in reading order: what docs/configuration.md lists. */
  public static List<ConfigKey> keys() {
    ConfigTree empty = YamlFiles.of(DEFAULT_SOURCE, "");
    try {
      read(empty);
    } catch (ConfigException noLogin) {
      // an empty document has no broker login: the keys were read all the same
    }
    return empty.keysRead();
  }

  /**
   * {@code mqtt.instance}: a name that sets this controller's sessions apart from those of other
   * controllers under the same login ({@code <username>:<instance>:ingest}); none by default.
   */
  private static Optional<String> instance(ConfigTree mqtt) {
    Optional<String> instance = mqtt.optionalString("instance");
    return mqtt.build("instance", () -> {
      if (instance.isPresent() && !INSTANCE.matcher(instance.get()).matches()) {
        throw new IllegalArgumentException("instance must be 1-64 letters, digits, '.', '_' or"
            + " '-' (it becomes part of the client ids <username>:<instance>:ingest and"
            + " :commands), was '" + instance.get() + "'");
      }
      return instance;
    });
  }

  /** The client id of session {@code session} of this controller. */
  private static String clientId(MqttConfig mqtt, Optional<String> instance, String session) {
    return ClientIds.of(mqtt.endpoint().username(),
        instance.map(name -> name + ClientIds.SEPARATOR + session).orElse(session));
  }

  private static TelemetrySettings telemetry(ConfigTree section, MqttConfig mqtt,
      Optional<String> instance) {
    String clientId = clientId(mqtt, instance, TelemetrySettings.SESSION_NAME);
    Duration expiry = section.duration("session_expiry", TelemetrySettings.SESSION_EXPIRY);
    int maxPayload = (int) Math.min(Integer.MAX_VALUE, section.bytes("max_payload", 65_536));
    Duration rejectLog = section.duration("reject_log_period", Duration.ofMinutes(1));
    BacklogSettings defaults = BacklogSettings.defaults();
    int coalesceAbove = section.integer("backlog_coalesce_above", defaults.coalesceAbove(), 1,
        10_000_000);
    int maxBacklog = section.integer("backlog_max", defaults.maxReadings(), 2, 10_000_000);
    Duration blindAfter = section.duration("blind_after", defaults.blindAfter());
    Duration backlogDown = section.duration("backlog_down_after", defaults.downAfter());
    Optional<String> sharedGroup = section.optionalString("shared_group");
    IngestFormats formats = new IngestFormats(SparkplugConfig.read(section.section("sparkplug")),
        TelegrafConfig.read(section.section("telegraf")));
    return section.build(() -> new TelemetrySettings(mqtt.session(clientId, expiry),
        mqtt.topics(), maxPayload, rejectLog, new BacklogSettings(coalesceAbove, maxBacklog,
            blindAfter, backlogDown), formats, sharedGroup));
  }

  /** The controller must call itself blind before its own delay makes nodes look stale. */
  private static TelemetrySettings requireBlindBeforeStale(TelemetrySettings telemetry,
      StateSettings state) {
    if (telemetry.backlog().blindAfter().compareTo(state.staleAfter()) >= 0) {
      throw new IllegalArgumentException("blind_after must be shorter than state.stale_after ("
          + state.staleAfter().toSeconds() + " s), was " + telemetry.backlog().blindAfter()
          + ": else the controller's own backlog makes nodes stale before it says it is blind");
    }
    return telemetry;
  }

  private static ActuatorSettings actuators(ConfigTree section, MqttConfig mqtt,
      Optional<String> instance, Duration maxClockSkew) {
    String clientId = clientId(mqtt, instance, ActuatorSettings.SESSION_NAME);
    Duration ackTimeout = section.duration("ack_timeout", ActuatorSettings.DEFAULT_ACK_TIMEOUT);
    return section.build(() -> new ActuatorSettings(mqtt.session(clientId, Duration.ZERO),
        mqtt.topics(), ackTimeout, maxClockSkew));
  }

  private static ControllerSettings.Audit audit(ConfigTree section) {
    Path file = section.path("file", Path.of("kelvin-data", "audit.jsonl"));
    int memory = section.integer("memory_records", 10_000, 1, 1_000_000);
    return new ControllerSettings.Audit(Optional.of(file), memory, "audit.file");
  }

  private static Optional<DashboardSettings> dashboard(ConfigTree section) {
    boolean enabled = section.bool("enabled", true);
    String host = section.string("host", "127.0.0.1");
    int port = section.integer("port", 8080, 0, 65_535);
    Duration push = section.duration("push_interval", Duration.ofSeconds(1));
    List<String> allowedHosts = section.stringList("allowed_hosts", List.of());
    Duration request = section.duration("request_timeout",
        DashboardSettings.DEFAULT_REQUEST_TIMEOUT);
    Duration idle = section.duration("idle_timeout", DashboardSettings.DEFAULT_IDLE_TIMEOUT);
    DashboardSettings settings = section.build(() -> new DashboardSettings(host, port, push,
        allowedHosts, request, idle));
    return enabled ? Optional.of(settings) : Optional.empty();
  }

  private static PowerBudget budget(ConfigTree element) {
    Optional<String> site = element.optionalString("site");
    Optional<String> rack = element.optionalString("rack");
    OptionalDouble watts = element.optionalDecimal("limit_w", 1, PowerBudget.MAX_WATTS);
    if (site.isEmpty()) {
      throw missing(element, "site", "a budget names its site, e.g. site: site-a");
    }
    if (watts.isEmpty()) {
      throw missing(element, "limit_w", "a budget gives its limit in watts, e.g."
          + " limit_w: 400000");
    }
    return element.build(() -> new PowerBudget(SiteId.of(site.get()), rack.map(RackId::of),
        watts.getAsDouble()));
  }

  private static ConfigException missing(ConfigTree element, String key, String reason) {
    return new ConfigException(element.source(), element.sectionPath() + "." + key, null,
        "missing; " + reason);
  }
}
