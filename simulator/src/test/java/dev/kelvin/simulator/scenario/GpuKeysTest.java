package dev.kelvin.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.simulator.power.GpuPowerLimitCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuKeysTest {
  @TempDir Path folder;

  @BeforeEach
  void trace() throws IOException {
    Files.createFile(folder.resolve("pods.csv"));
  }

  private Scenario read(Map<String, Object> gpuKeys) {
    Map<String, Object> site = new HashMap<>(Map.of("name", "a", "nodes", 4));
    site.putAll(gpuKeys);
    ConfigTree tree = new ConfigTree("gpu.yaml", Map.of("name", "gpu", "trace",
        Map.of("file", "pods.csv"), "sites", List.of(site)));
    return ScenarioReader.read(tree, new ScenarioPaths(folder, folder));
  }

  @Test
  void a_site_without_gpu_keys_has_no_gpus() {
    assertThat(read(Map.of()).sites().get(0).gpus()).isEqualTo(SiteGpus.NONE);
  }

  @Test
  void reads_the_gpu_count_model_ignoring_case_and_idle_power() {
    SiteGpus gpus = read(Map.of("gpus_per_node", 8, "gpu_model", "v100", "gpu_idle_w", 35))
        .sites().get(0).gpus();

    assertThat(gpus).isEqualTo(new SiteGpus(8, Optional.of(GpuPowerLimitCurve.V100), 35));
  }

  @Test
  void the_idle_power_defaults_to_the_measured_a40_median() {
    assertThat(read(Map.of("gpus_per_node", 2, "gpu_model", "A40")).sites().get(0).gpus()
        .idleWatts()).isEqualTo(29);
  }

  @Test
  void refuses_an_unknown_gpu_model_naming_the_key_the_value_and_the_models_known() {
    assertThatThrownBy(() -> read(Map.of("gpus_per_node", 8, "gpu_model", "H100")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("gpu.yaml: sites[0].gpu_model = \"H100\": no power-limit curve for this"
            + " GPU; expected one of A40, V100, P100, RTX6000 (the GPUs the Zeus traces"
            + " measured)");
  }

  @Test
  void refuses_a_negative_gpu_count() {
    assertThatThrownBy(() -> read(Map.of("gpus_per_node", -1, "gpu_model", "V100")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("gpu.yaml: sites[0].gpus_per_node = -1: ")
        .hasMessageContaining("0")
        .hasMessageContaining("16");
  }

  @Test
  void refuses_gpus_without_a_model() {
    assertThatThrownBy(() -> read(Map.of("gpus_per_node", 8)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sites[0].gpu_model")
        .hasMessageContaining("missing; nodes with GPUs need their model, one of A40, V100,"
            + " P100, RTX6000");
  }

  @Test
  void refuses_a_model_for_nodes_without_gpus() {
    assertThatThrownBy(() -> read(Map.of("gpu_model", "V100")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sites[0].gpu_model = \"V100\": names a GPU model, but the site's"
            + " nodes have no GPUs");
  }

  @Test
  void refuses_an_idle_power_above_the_lowest_limit() {
    assertThatThrownBy(() -> read(Map.of("gpus_per_node", 2, "gpu_model", "P100",
        "gpu_idle_w", 130)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sites[0].gpu_idle_w = 130: must be at most the P100's lowest"
            + " power limit, 125 W");
  }
}
