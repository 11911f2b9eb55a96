package dev.kelvin.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kelvin.app.StartupException;
import dev.kelvin.app.config.ExampleConfigs;
import dev.kelvin.app.controller.ControllerSettings;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.telemetry.IngestFormats;
import dev.kelvin.telemetry.TelemetrySettings;
import dev.kelvin.telemetry.decode.telegraf.Precision;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kelvin.yaml as {@code kelvin run} reads it: the example, the defaults, and one test per kind
 * of mistake, each refused with one line naming the file, the key, the value and the reason.
 */
class RunConfigTest {
  @TempDir
  Path dir;

  @Test
  void the_example_configuration_reads() throws IOException {
    Path example = ExampleConfigs.copy("kelvin.yaml", dir);

    ControllerSettings settings = RunConfig.read(example).controller();

    MqttEndpoint broker = settings.telemetry().session().endpoint();
    assertThat(broker.broker()).isEqualTo(URI.create("tcp://127.0.0.1:18830"));
    assertThat(broker.username()).contains("kelvin-it");
    assertThat(broker.password()).contains(ExampleConfigs.PASSWORD);
    assertThat(settings.telemetry().session().sessionExpiry()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.actuators().ackTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.guard().minDwell()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.budgets()).containsExactly(PowerBudget.ofSite(SiteId.of("site-a"), 400_000));
  }

  @Test
  void an_empty_file_is_refused_for_want_of_a_broker_login() {
    assertThatThrownBy(() -> RunConfig.read(write("")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mqtt.username: a broker login is required")
        .hasMessageContaining("allow_anonymous_for_tests: true");
  }

  @Test
  void a_test_file_that_allows_no_login_gives_every_other_default() throws IOException {
    RunConfig config = RunConfig.read(write("mqtt:\n  allow_anonymous_for_tests: true\n"));
    ControllerSettings settings = config.controller();

    assertThat(settings.telemetry().session().endpoint())
        .isEqualTo(MqttEndpoint.anonymous(URI.create("tcp://127.0.0.1:1883")));
    assertThat(settings.tick()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.policy().capLease()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.guard().mode()).isEqualTo(GuardSettings.Mode.AUTO);
    assertThat(settings.dashboard()).hasValueSatisfying(dashboard -> {
      assertThat(dashboard.host()).isEqualTo("127.0.0.1");
      assertThat(dashboard.port()).isEqualTo(8080);
      assertThat(dashboard.allowedHosts()).isEmpty();
      assertThat(dashboard.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(dashboard.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    });
    assertThat(settings.audit().file())
        .contains(dir.toAbsolutePath().resolve("kelvin-data/audit.jsonl"));
    assertThat(settings.budgets()).isEmpty();
    assertThat(config.predictor().model()).isEqualTo(PredictorConfig.Model.NONE);
  }

  @Test
  void a_file_of_comments_only_gives_the_defaults_too() throws IOException {
    RunConfig config = RunConfig.read(write("# everything else commented out\n# tick: 5s\n"
        + "mqtt:\n  allow_anonymous_for_tests: true\n"));

    assertThat(config.controller().tick()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void the_rules_folder_resolves_against_the_configuration_file_and_defaults_to_none()
      throws IOException {
    String login = "mqtt:\n  allow_anonymous_for_tests: true\n";
    RunConfig none = RunConfig.read(write(login));
    RunConfig some = RunConfig.read(write(login + "policy:\n  rules_dir: ops-rules\n"
        + "  rules_reload_every: 2s\n  cap_step_mhz: 100\n"));

    assertThat(none.rules().rulesDir()).isEmpty();
    assertThat(none.rules().reloadEvery()).isEqualTo(Duration.ofSeconds(5));
    assertThat(some.rules().rulesDir()).hasValue(dir.resolve("ops-rules"));
    assertThat(some.rules().reloadEvery()).isEqualTo(Duration.ofSeconds(2));
    assertThat(some.controller().policy().capStepMhz()).isEqualTo(100);
  }

  @Test
  void telegraf_and_sparkplug_are_off_by_default_and_read_when_enabled() throws IOException {
    String login = "mqtt:\n  allow_anonymous_for_tests: true\n";
    assertThat(RunConfig.read(write(login)).controller().telemetry().formats())
        .isEqualTo(IngestFormats.kelvinOnly());
    TelemetrySettings telemetry = RunConfig.read(write(login + "telemetry:\n"
        + "  shared_group: ingest\n"
        + "  telegraf: { enabled: true, precision: ms, topic_filter: 'site-a/telegraf/#' }\n"
        + "  sparkplug:\n    enabled: true\n    groups: [site-a]\n    metrics:\n"
        + "      - { name: 'Chiller 3/Leaving Water', kind: crac_supply_temp_celsius,"
        + " unit: '°F' }\n")).controller().telemetry();
    assertThat(telemetry.formats().telegraf().orElseThrow().precision())
        .isEqualTo(Precision.MILLISECONDS);
    assertThat(telemetry.formats().sparkplug().orElseThrow().mapping()
        .lookup("Chiller 3/Leaving Water")).isPresent();
    assertThat(telemetry.subscriptions()).contains("$share/ingest/site-a/telegraf/#",
        "$share/ingest/spBv1.0/site-a/#");
  }

  @Test
  void a_telegraf_precision_that_is_no_unit_is_refused_naming_the_section() {
    assertThatThrownBy(() -> RunConfig.read(write("mqtt:\n  allow_anonymous_for_tests: true\n"
        + "telemetry:\n  telegraf: { enabled: true, precision: minutes }\n")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("telemetry.telegraf")
        .hasMessageContaining("minutes");
  }

  @Test
  void a_reload_period_under_100_ms_is_refused_naming_the_key() {
    assertThatThrownBy(() -> RunConfig.read(write("mqtt:\n  allow_anonymous_for_tests: true\n"
        + "policy:\n  rules_reload_every: 10ms\n")))
        .hasMessageContaining("policy.rules_reload_every");
  }

  @Test
  void the_models_folder_resolves_against_the_configuration_file_and_defaults_to_none()
      throws IOException {
    String login = "mqtt:\n  allow_anonymous_for_tests: true\n";
    RunConfig none = RunConfig.read(write(login));
    Files.createDirectory(dir.resolve("models"));
    RunConfig some = RunConfig.read(write(login + "predictor:\n  models_dir: models\n"
        + "  models_reload_every: 30s\n"));

    assertThat(none.predictor().modelsDir()).isEmpty();
    assertThat(none.predictor().modelsReloadEvery()).isEqualTo(Duration.ofSeconds(10));
    assertThat(some.predictor().modelsDir()).hasValue(dir.resolve("models"));
    assertThat(some.predictor().modelsReloadEvery()).isEqualTo(Duration.ofSeconds(30));
    assertThat(some.predictor().serving().folders()).first()
        .satisfies(folder -> assertThat(folder.folder()).isEqualTo(dir.resolve("models")));
  }

  @Test
  void a_models_folder_that_is_not_there_stops_the_start_naming_the_key() throws IOException {
    RunConfig config = RunConfig.read(write("mqtt:\n  allow_anonymous_for_tests: true\n"
        + "predictor:\n  models_dir: no-such-folder\n"));

    assertThatThrownBy(() -> config.predictor().serving())
        .isInstanceOf(dev.kelvin.app.StartupException.class)
        .hasMessageContaining("predictor.models_dir").hasMessageContaining("does not exist");
  }

  @Test
  void client_ids_derive_from_the_login_and_take_the_instance_name_when_one_is_given()
      throws IOException {
    String login = "mqtt:\n  username: kelvin-ops\n  password_file: " + passwordFile() + "\n";
    ControllerSettings plain = RunConfig.read(write(login)).controller();
    ControllerSettings second = RunConfig.read(write(login + "  instance: hall-2\n"))
        .controller();

    assertThat(plain.telemetry().session().clientId()).isEqualTo("kelvin-ops:ingest");
    assertThat(plain.actuators().session().clientId()).isEqualTo("kelvin-ops:commands");
    assertThat(second.telemetry().session().clientId()).isEqualTo("kelvin-ops:hall-2:ingest");
    assertThat(second.actuators().session().clientId())
        .isEqualTo("kelvin-ops:hall-2:commands");
  }

  @Test
  void an_instance_name_with_a_colon_is_refused_naming_the_key() {
    assertThatThrownBy(() -> RunConfig.read(write("mqtt:\n  allow_anonymous_for_tests: true\n"
        + "  instance: a:b\n"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("mqtt.instance").hasMessageContaining("'a:b'");
  }

  private Path passwordFile() throws IOException {
    return Files.writeString(dir.resolve("mqtt.password"), "secret");
  }

  @Test
  void a_port_written_as_text_is_a_wrong_type() {
    assertRefused("dashboard:\n  port: \"8080\"\n", "dashboard.port", "\"8080\"",
        "must be a whole number within 0..65535; write it without quotes");
  }

  @Test
  void an_unknown_key_is_refused_with_the_nearest_known_key() {
    assertRefused("mqtt:\n  brokr: tcp://broker:1883\n", "mqtt.brokr", null,
        "unknown key; did you mean mqtt.broker?");
  }

  @Test
  void a_duration_without_a_known_unit_is_refused_with_how_to_write_one() {
    assertRefused("mqtt:\n  keep_alive: 30x\n", "mqtt.keep_alive", "\"30x\"",
        "not a duration; write a number and a unit: 500ms, 30s, 2m, 1h, 1d");
  }

  @Test
  void a_settle_time_longer_than_the_cap_lease_is_refused_naming_the_section() {
    ConfigException e = assertRefused("policy:\n  cap_lease: 2m\n  settle_time: 5m\n",
        "policy", null, "settleTime must be within 0..PT2M");
    assertThat(e.getMessage()).contains("shorter than the cap lease").contains("was PT5M");
  }

  @Test
  void a_tick_the_controller_refuses_is_refused_naming_the_section() {
    assertRefused("control:\n  tick: 50ms\n", "control", null,
        "the control tick must be at least 100 ms, was PT0.05S");
  }

  @Test
  void a_nodes_clock_gets_the_same_allowance_for_its_acks_as_for_its_readings()
      throws IOException {
    ControllerSettings settings = RunConfig.read(write("state:\n  max_future_skew: 1500ms\n"
        + "mqtt:\n  allow_anonymous_for_tests: true\n"))
        .controller();

    assertThat(settings.state().maxFutureSkew()).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.actuators().maxClockSkew()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void a_future_skew_not_shorter_than_the_stale_limit_is_refused_naming_the_section() {
    assertRefused("state:\n  stale_after: 5s\n  max_future_skew: 5s\n", "state", null,
        "maxFutureSkew must be shorter than staleAfter (PT5S), was PT5S");
  }

  @Test
  void a_missing_password_file_is_refused_naming_the_file() {
    Path missing = dir.resolve("no-such-password");
    assertRefused("mqtt:\n  username: kelvin\n  password_file: no-such-password\n",
        "mqtt.password_file", "\"" + missing.toAbsolutePath() + "\"", "cannot be read");
  }

  @Test
  void a_password_given_both_as_a_file_and_a_variable_is_refused() throws IOException {
    Files.writeString(dir.resolve("password"), "secret");
    assertRefused("mqtt:\n  username: kelvin\n  password_file: password\n"
        + "  password_env: KELVIN_MQTT_PASSWORD\n", "mqtt.password_env", null,
        "password_file or password_env, not both");
  }

  @Test
  void an_unset_password_variable_is_refused_naming_it() {
    String variable = "KELVIN_TEST_UNSET_" + Long.toHexString(System.nanoTime());
    assertRefused("mqtt:\n  username: kelvin\n  password_env: " + variable + "\n",
        "mqtt.password_env", "\"" + variable + "\"",
        "the environment variable " + variable + " is not set");
  }

  @Test
  void a_tls_client_certificate_without_a_ca_file_is_refused() {
    assertRefused("mqtt:\n  broker: ssl://broker:8883\n  tls:\n    client_cert_file: c.pem\n"
        + "    client_key_file: c.key\n", "mqtt.tls.ca_file", null,
        "a client certificate needs the CA file");
  }

  @Test
  void a_tls_ca_file_that_is_not_pem_is_refused_naming_the_file() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "not a certificate at all\n");
    assertRefused("mqtt:\n  broker: ssl://broker:8883\n  tls:\n    ca_file: ca.pem\n",
        "mqtt.tls.ca_file", "\"" + ca.toAbsolutePath() + "\"", "is not a PEM file");
  }

  @Test
  void a_budget_without_limit_w_is_refused() {
    assertRefused("budgets:\n  - site: site-a\n", "budgets[0].limit_w", null,
        "missing; a budget gives its limit in watts, e.g. limit_w: 400000");
  }

  @Test
  void a_budget_without_site_is_refused() {
    assertRefused("budgets:\n  - site: site-a\n    limit_w: 1000\n  - limit_w: 2000\n",
        "budgets[1].site", null, "missing; a budget names its site, e.g. site: site-a");
  }

  @Test
  void the_dashboards_names_and_timeouts_are_read() throws IOException {
    RunConfig config = RunConfig.read(write("dashboard:\n  allowed_hosts: [kelvin.example.org,"
        + " \"10.0.0.5:8080\"]\n  request_timeout: 5s\n  idle_timeout: 1m\n"
        + "mqtt:\n  allow_anonymous_for_tests: true\n"));

    assertThat(config.controller().dashboard()).hasValueSatisfying(dashboard -> {
      assertThat(dashboard.allowedHosts()).containsExactly("kelvin.example.org", "10.0.0.5:8080");
      assertThat(dashboard.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(dashboard.idleTimeout()).isEqualTo(Duration.ofMinutes(1));
    });
  }

  @Test
  void an_allowed_host_that_is_a_url_is_refused_naming_the_section() {
    assertRefused("dashboard:\n  allowed_hosts: [\"https://kelvin.example.org\"]\n",
        "dashboard", null, "allowedHosts entry 'https://kelvin.example.org' must be a host name");
  }

  @Test
  void an_inventory_entry_that_is_not_site_slash_node_is_refused() {
    assertRefused("state:\n  inventory: [site-a/n01, n02]\n", "state.inventory[1]", "\"n02\"",
        "must read site/node, e.g. site-a/n07");
  }

  @Test
  void a_guard_mode_that_does_not_exist_is_refused_listing_the_allowed_ones() {
    assertRefused("guard:\n  mode: yolo\n", "guard.mode", "\"yolo\"",
        "must be one of auto, dry_run");
  }

  @Test
  void invalid_yaml_is_refused_with_its_line_and_column() throws IOException {
    Path file = write("mqtt:\n  broker: [tcp://a:1883\ncontrol:\n  tick: 1s\n");

    StartupException e = catchThrowableOfType(StartupException.class,
        () -> RunConfig.read(file));

    assertThat(e.getMessage()).hasLineCount(1).startsWith(file + ": not valid YAML: ")
        .containsPattern("\\(line \\d+, column \\d+\\)");
  }

  @Test
  void a_list_at_the_top_is_refused_naming_the_file() throws IOException {
    Path file = write("- mqtt\n- control\n");

    StartupException e = catchThrowableOfType(StartupException.class,
        () -> RunConfig.read(file));

    assertThat(e.getMessage()).hasLineCount(1).startsWith(file + ": ")
        .contains("must be a map of keys (key: value), not a list");
  }

  @Test
  void a_missing_file_is_refused_saying_how_to_name_it() {
    Path file = dir.resolve("nowhere.yaml");

    StartupException e = catchThrowableOfType(StartupException.class,
        () -> RunConfig.read(file));

    assertThat(e.getMessage()).isEqualTo(file + ": no such file (give the path of the"
        + " configuration file with --config)");
  }

  /** Mistakes near a password: none of their messages may show it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "  brokr: tcp://broker:1883\n",
      "  keep_alive: 30x\n",
      "  broker: tcp://broker\n",
      "  password: example-password-7f3c\n"})
  void no_message_shows_the_password(String mistake) throws IOException {
    Files.writeString(dir.resolve("password"), "example-password-7f3c\n");
    Path file = write("mqtt:\n  username: kelvin\n  password_file: password\n" + mistake);

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> RunConfig.read(file));

    assertThat(e.getMessage()).startsWith(file + ": mqtt")
        .doesNotContain("example-password-7f3c");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("kelvin.yaml"), yaml);
  }

  /**
   * Reads {@code yaml} as kelvin.yaml and asserts the one-line message: the file, then
   * {@code key = value: reason...} ({@code key: reason...} when {@code value} is null).
   */
  private ConfigException assertRefused(String yaml, String key, String value, String reason) {
    Path file;
    try {
      file = write(yaml);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> RunConfig.read(file));
    assertThat(e).as("a ConfigException for %s", key).isNotNull();
    String shown = Optional.ofNullable(value).map(v -> " = " + v).orElse("");
    assertThat(e.getMessage()).hasLineCount(1)
        .startsWith(file + ": " + key + shown + ": ").contains(reason);
    assertThat(e.key()).isEqualTo(key);
    return e;
  }
}
