package dev.kelvin.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
  @TempDir Path folder;

  private static Map<String, Object> minimal(Object sites) {
    return Map.of("name", "kth-year", "trace", Map.of("file", "kth.swf"), "sites", sites);
  }

  @Test
  void lists_every_key_with_its_default_in_reading_order() {
    assertThat(ScenarioReader.keys()).extracting(key -> key.path() + " " + key.defaultText())
        .containsExactly(
            "name none", "seed 1",
            "trace.file none", "trace.format none", "trace.start_day 0",
            "trace.days none", "trace.load_scale 1", "trace.deferrable_share 0",
            "sites[].name none", "sites[].nodes none",
            "sites[].power_budget_kw none", "sites[].carbon_g_per_kwh 300",
            "sites[].price_per_kwh 0.15", "sites[].outdoor_c 20",
            "sites[].ups_runtime 10m", "sites[].carbon_daily_g_per_kwh none",
            "sites[].price_daily_per_kwh none", "sites[].gpus_per_node 0",
            "sites[].gpu_model none", "sites[].gpu_idle_w 29",
            "control.interval 5m", "control.policy default", "control.models []",
            "power.server PowerEdge R630 (Intel Xeon E5-2699 v4 2.20 GHz)",
            "power.dvfs_exponent 0.71",
            "power.compute_bound_share 0.8", "power.min_clock_ratio 0.5", "power.off_w 5",
            "power.boot_time 2m", "power.full_load_cpu_c 91",
            "cooling.cop 4", "cooling.reference_outdoor_c 20",
            "cooling.cop_per_kelvin 0.1", "cooling.min_cop 1.5", "cooling.overhead_ratio 0.08",
            "telemetry.sample_every none", "telemetry.window 10", "telemetry.cpu_temp_noise_c 0",
            "failures.model lanl", "failures.rate_scale 1", "failures.lead 30m",
            "failures.precursor_share none", "failures.checkpoint_every 1h",
            "failures.scripted[].site none", "failures.scripted[].node none",
            "failures.scripted[].at 0s", "failures.scripted[].repair 1h",
            "scheduler easy",
            "events[].kind none", "events[].site none", "events[].at 0s",
            "events[].duration 1h", "events[].supply_rise_k 15",
            "events[].shutdown_after 10m");
  }

  @Test
  void reads_a_scenario_given_as_decoded_maps() throws IOException {
    Files.createFile(folder.resolve("kth.swf"));
    ConfigTree tree = new ConfigTree("kth.yaml", minimal(List.of(Map.of("name", "a",
        "nodes", 100, "power_budget_kw", 40))));

    Scenario scenario = ScenarioReader.read(tree, new ScenarioPaths(folder, folder));

    assertThat(scenario.trace().file()).isEqualTo(folder.resolve("kth.swf").toAbsolutePath());
    assertThat(scenario.sites()).containsExactly(
        new ScenarioSite("a", 100, OptionalDouble.of(40), 300, 0.15, 20));
  }

  private static ConfigTree withControl(Map<String, Object> control) {
    Map<String, Object> root = new java.util.HashMap<>(minimal(List.of(Map.of("name", "a",
        "nodes", 4))));
    root.put("control", control);
    return new ConfigTree("kth.yaml", root);
  }

  @Test
  void finds_the_model_files_control_models_names_beside_the_scenario() throws IOException {
    Files.createFile(folder.resolve("kth.swf"));
    Files.createFile(folder.resolve("failure.model"));

    Scenario scenario = ScenarioReader.read(withControl(Map.of("models",
        List.of("failure.model"))), new ScenarioPaths(folder, folder));

    assertThat(scenario.control().models()).containsExactly(
        folder.resolve("failure.model").toAbsolutePath().toString());
  }

  @Test
  void refuses_a_model_file_that_is_not_there_naming_the_key_and_the_paths_tried()
      throws IOException {
    Files.createFile(folder.resolve("kth.swf"));

    assertThatThrownBy(() -> ScenarioReader.read(withControl(Map.of("models",
        List.of("gone.model"))), new ScenarioPaths(folder, folder)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("control.models")
        .hasMessageContaining("gone.model").hasMessageContaining("kelvin train");
  }

  @Test
  void refuses_models_without_a_control_loop_to_serve_them() throws IOException {
    Files.createFile(folder.resolve("kth.swf"));
    Files.createFile(folder.resolve("failure.model"));

    assertThatThrownBy(() -> ScenarioReader.read(withControl(Map.of("policy", "none",
        "models", List.of("failure.model"))), new ScenarioPaths(folder, folder)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("control.models")
        .hasMessageContaining("needs a control loop");
  }

  @Test
  void a_site_refuses_no_nodes_even_when_built_without_the_reader() {
    assertThatThrownBy(() -> new ScenarioSite("a", 0, OptionalDouble.empty(), 300, 0.15, 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one node");
  }

  @Test
  void a_scenario_refuses_two_sites_of_one_name_even_when_built_without_the_reader() {
    ScenarioSite site = new ScenarioSite("a", 1, OptionalDouble.empty(), 300, 0.15, 20);
    Scenario valid = withSites(List.of(site));

    assertThat(valid.sites()).containsExactly(site);
    assertThatThrownBy(() -> withSites(List.of(site, site)))
        .hasMessageContaining("site names must be unique");
  }

  private Scenario withSites(List<ScenarioSite> sites) {
    return new Scenario("s", 1, new TraceSource(folder, TraceSource.Format.SWF, 0,
        OptionalDouble.empty(), 1), sites, new ControlSettings(Duration.ofMinutes(5),
        "none"), new PowerSettings("default", 2, 0.8, 0.5, 5, Duration.ZERO),
        new CoolingSettings(4, 20, 0.1, 1.5, 0.08),
        new TelemetrySettings(Optional.empty(), 10), new FailureSettings(FailureSettings.NONE, 1,
            Duration.ofMinutes(30), OptionalDouble.empty(), Duration.ofHours(1), List.of()),
        Scenario.SchedulerKind.EASY);
  }
}
