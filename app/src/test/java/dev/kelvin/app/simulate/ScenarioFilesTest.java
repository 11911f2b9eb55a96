package dev.kelvin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelvin.app.StartupException;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.simulator.scenario.ControlSettings;
import dev.kelvin.simulator.scenario.CoolingSettings;
import dev.kelvin.simulator.power.DvfsExponent;
import dev.kelvin.simulator.power.SpecPowerResults;
import dev.kelvin.simulator.scenario.FailureSettings;
import dev.kelvin.simulator.scenario.PowerSettings;
import dev.kelvin.policy.BudgetSettings;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.Scenario.SchedulerKind;
import dev.kelvin.simulator.scenario.ScenarioSite;
import dev.kelvin.simulator.scenario.TelemetrySettings;
import dev.kelvin.simulator.scenario.TraceSource;
import dev.kelvin.simulator.scenario.TraceSource.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario files read from disk as {@code kelvin simulate} will read them: a repository with a
 * {@code scenarios} folder, the working folder at its root, and the reference data beside it
 * (an empty stand-in trace: reading checks that the file is there, not what is in it).
 */
class ScenarioFilesTest {
  static final String KTH_TRACE = "swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz";
  /** The minimal scenario, character for character. */
  static final String MINIMAL = """
      name: kth-year
      seed: 7
      trace: { file: ../shared/data/swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz, start_day: 0, days: 365 }
      sites:
        - { name: a, nodes: 100, power_budget_kw: 40 }
      control: { interval: 5m, policy: default }   # policy: none | default | a rules directory
      """;

  @TempDir Path root;
  Path repository;
  Path trace;

  @BeforeEach
  void lay_out_a_repository_beside_its_data() throws IOException {
    repository = Files.createDirectories(root.resolve("repo"));
    Files.createDirectories(repository.resolve("scenarios"));
    trace = root.resolve("shared/data").resolve(KTH_TRACE);
    Files.createDirectories(trace.getParent());
    Files.createFile(trace);
  }

  private Scenario read(String yaml) throws IOException {
    Path file = repository.resolve("scenarios/kth.yaml");
    Files.writeString(file, yaml);
    return ScenarioFiles.read(file, repository);
  }

  @Test
  void reads_the_rules_settings_of_its_policy_section_as_kelvin_yaml_does() throws IOException {
    Path file = repository.resolve("scenarios/kth.yaml");
    Files.writeString(file, MINIMAL + "policy: { cap_step_mhz: 200, budget: { node_cap_step_w: 40 } }\n");
    ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, repository);
    assertThat(loaded.rules().get(PolicySettings.class).capStepMhz()).isEqualTo(200);
    assertThat(loaded.rules().get(BudgetSettings.class).nodeCapStepWatts()).isEqualTo(40);
    assertThat(ScenarioFiles.load(writeMinimal(), repository).rules().get(BudgetSettings.class))
        .isEqualTo(BudgetSettings.defaults());
  }

  @Test
  void refuses_an_unknown_rule_setting_naming_its_key() throws IOException {
    assertThatThrownBy(() -> read(MINIMAL + "policy: { budget: { node_cap_step: 40 } }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("policy.budget.node_cap_step");
  }

  private Path writeMinimal() throws IOException {
    Path file = repository.resolve("scenarios/minimal.yaml");
    Files.writeString(file, MINIMAL);
    return file;
  }

  @Test
  void accepts_the_minimal_scenario_with_every_default_as_documented() throws IOException {
    Scenario scenario = read(MINIMAL);

    assertThat(scenario.name()).isEqualTo("kth-year");
    assertThat(scenario.seed()).isEqualTo(7);
    assertThat(scenario.trace()).isEqualTo(new TraceSource(trace.toAbsolutePath().normalize(),
        Format.SWF, 0, OptionalDouble.of(365), 1));
    assertThat(scenario.sites()).containsExactly(
        new ScenarioSite("a", 100, OptionalDouble.of(40), 300, 0.15, 20));
    assertThat(scenario.control()).isEqualTo(new ControlSettings(Duration.ofMinutes(5),
        ControlSettings.DEFAULT));
    assertThat(scenario.power()).isEqualTo(new PowerSettings(
        SpecPowerResults.DEFAULT_HPC_SERVER, DvfsExponent.HOTPOWER12, 0.8, 0.5, 5,
        Duration.ofMinutes(2)));
    assertThat(scenario.failures()).isEqualTo(new FailureSettings(FailureSettings.LANL, 1,
        Duration.ofMinutes(30), OptionalDouble.empty(), Duration.ofHours(1), List.of()));
    assertThat(scenario.cooling()).isEqualTo(new CoolingSettings(4.0, 20, 0.1, 1.5, 0.08));
    assertThat(scenario.telemetry()).isEqualTo(new TelemetrySettings(Optional.empty(), 10));
    assertThat(scenario.scheduler()).isEqualTo(SchedulerKind.EASY);
  }

  @Test
  void reads_every_key_when_all_are_given() throws IOException {
    Files.createDirectories(repository.resolve("scenarios/rules"));
    Scenario scenario = read("""
        name: all.keys_1
        seed: -3
        trace: { file: ../../shared/data/%s, format: swf, start_day: 30.5, load_scale: 1.5,
                 deferrable_share: 0.25 }
        sites:
          - { name: a, nodes: 10, carbon_g_per_kwh: 0, price_per_kwh: 10, outdoor_c: -50 }
          - { name: b, nodes: 1, power_budget_kw: 0.5, outdoor_c: 60 }
        control: { interval: 1d, policy: rules }
        power: { server: Dell, dvfs_exponent: 3, compute_bound_share: 1, min_clock_ratio: 0.1,
                 off_w: 0, boot_time: 0s, full_load_cpu_c: 74 }
        cooling: { cop: 6, reference_outdoor_c: 25, cop_per_kelvin: 0, min_cop: 6,
                   overhead_ratio: 0 }
        telemetry: { sample_every: 60s, window: 1000 }
        failures: { model: none, rate_scale: 2, lead: 1h, precursor_share: 0.5,
                    checkpoint_every: 30m,
                    scripted: [ { site: a, node: 10, at: 2d, repair: 4h } ] }
        scheduler: fcfs
        """.formatted(KTH_TRACE));

    assertThat(scenario.seed()).isEqualTo(-3);
    assertThat(scenario.trace().days()).isEmpty();
    assertThat(scenario.trace().startDay()).isEqualTo(30.5);
    assertThat(scenario.trace().loadScale()).isEqualTo(1.5);
    assertThat(scenario.trace().deferrableShare()).isEqualTo(0.25);
    assertThat(scenario.sites()).extracting(ScenarioSite::powerBudgetKw)
        .containsExactly(OptionalDouble.empty(), OptionalDouble.of(0.5));
    assertThat(scenario.control().policy())
        .isEqualTo(repository.resolve("scenarios/rules").toAbsolutePath().toString());
    assertThat(scenario.power()).isEqualTo(new PowerSettings("Dell", 3, 1, 0.1, 0,
        Duration.ZERO, 74));
    assertThat(scenario.cooling()).isEqualTo(new CoolingSettings(6, 25, 0, 6, 0));
    assertThat(scenario.telemetry()).isEqualTo(new TelemetrySettings(
        Optional.of(Duration.ofSeconds(60)), 1000));
    assertThat(scenario.failures()).isEqualTo(new FailureSettings(FailureSettings.NONE, 2,
        Duration.ofHours(1), OptionalDouble.of(0.5), Duration.ofMinutes(30),
        List.of(new FailureSettings.ScriptedFailure("a", 10, Duration.ofDays(2),
            Duration.ofHours(4)))));
    assertThat(scenario.scheduler()).isEqualTo(SchedulerKind.FCFS);
  }

  @Test
  void looks_for_a_relative_trace_beside_the_scenario_before_the_working_folder()
      throws IOException {
    Path beside = repository.resolve("shared/data").resolve(KTH_TRACE);
    Files.createDirectories(beside.getParent());
    Files.createFile(beside);
    Path file = repository.resolve("kth.yaml");
    Files.writeString(file, MINIMAL);

    assertThat(ScenarioFiles.read(file, repository.resolve("scenarios")).trace().file())
        .isEqualTo(root.resolve("shared/data").resolve(KTH_TRACE).toAbsolutePath().normalize());
    Files.move(file, repository.resolve("scenarios/kth.yaml"));
    assertThat(ScenarioFiles.read(repository.resolve("scenarios/kth.yaml"), repository)
        .trace().file())
        .isEqualTo(beside.toAbsolutePath().normalize());
  }

  @Test
  void refuses_a_missing_trace_naming_the_key_the_value_and_both_paths_tried()
      throws IOException {
    Files.delete(trace);

    ConfigException refused = assertThrows(ConfigException.class, () -> read(MINIMAL));

    String written = "../shared/data/" + KTH_TRACE;
    assertThat(refused.key()).isEqualTo("trace.file");
    assertThat(refused.value()).isEqualTo("\"" + written + "\"");
    assertThat(refused.getMessage()).contains("no such file; tried "
        + repository.resolve("scenarios").resolve(written).toAbsolutePath().normalize()
        + " and " + trace.toAbsolutePath().normalize());
  }

  @Test
  void takes_the_format_from_the_file_name() throws IOException {
    for (String name : new String[] {"jobs.swf", "data_theta.csv.gz", "openb_pod_list.csv"}) {
      Files.createFile(repository.resolve("scenarios").resolve(name));
    }

    assertThat(read(MINIMAL.replace("../shared/data/" + KTH_TRACE, "jobs.swf"))
        .trace().format()).isEqualTo(Format.SWF);
    assertThat(read(MINIMAL.replace("../shared/data/" + KTH_TRACE, "data_theta.csv.gz"))
        .trace().format()).isEqualTo(Format.LUMOS);
    assertThat(read(MINIMAL.replace("../shared/data/" + KTH_TRACE, "openb_pod_list.csv"))
        .trace().format()).isEqualTo(Format.ALIBABA);
  }

  @Test
  void refuses_a_missing_scenario_file_naming_the_option() {
    assertThatThrownBy(() -> ScenarioFiles.read(repository.resolve("nope.yaml")))
        .isInstanceOf(StartupException.class)
        .hasMessageEndingWith("nope.yaml: no such file (give the path of the configuration"
            + " file with --scenario)");
  }
}
