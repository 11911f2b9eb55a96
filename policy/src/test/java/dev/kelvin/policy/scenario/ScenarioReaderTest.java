package dev.kelvin.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.policy.PolicySettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
  private static final String FILE = "ops/scenarios/mine.yaml";

  private static List<Scenario> read(String yaml) {
    return ScenarioReader.read(FILE, yaml);
  }

  private static String one(String scenarioBody) {
    return "scenarios:\n  - name: a scenario\n" + scenarioBody.indent(4);
  }

  @Test
  void reads_nodes_sites_jobs_predictions_settings_and_expected_actions() {
    Scenario scenario = read(one("""
        settings: {cap_step_mhz: 100}
        given:
          sites:
            - {id: site-a, budget_w: 1000, rack_budgets_w: {r2: 400},
               facility: {grid_carbon_g_per_kwh: 420},
               alarms: [{kind: alarm_cooling_failure, sensor: crac-1, open_s: 60}]}
          nodes:
            - {id: site-a/n01, rack: r2, metrics: {cpu_temp_c: 91}}
          jobs:
            - {id: j1, site: site-a, nodes: [site-a/n01], running_s: 120}
          predictions:
            - failure_risk: {node: site-a/n01, probability: 0.9, horizon_s: 1800, model: m-1}
        expect:
          - {type: set_cpu_frequency_cap, target: site-a/n01, rule: thermal-cap-cpu, value: 2900}
        """)).get(0);

    assertThat(scenario.name()).isEqualTo("a scenario");
    assertThat(scenario.parameters().get(PolicySettings.class).capStepMhz()).isEqualTo(100);
    var node = scenario.snapshot().node(NodeId.of("site-a", "n01")).orElseThrow();
    assertThat(node.latest(NodeMetric.CPU_TEMP_CELSIUS)).hasValue(91);
    assertThat(node.window()).hasSizeGreaterThan(10);
    var site = scenario.snapshot().site(SiteId.of("site-a")).orElseThrow();
    assertThat(site.budgets()).hasSize(2);
    assertThat(site.openAlarms()).singleElement().satisfies(alarm ->
        assertThat(alarm.sensor().value()).isEqualTo("crac-1"));
    assertThat(scenario.snapshot().jobs()).hasSize(1);
    assertThat(scenario.predictions()).singleElement().isInstanceOfSatisfying(FailureRisk.class,
        risk -> assertThat(risk.modelVersion()).isEqualTo("m-1"));
    assertThat(scenario.expected()).singleElement().satisfies(action -> {
      assertThat(action.type()).isEqualTo(ActionType.SET_CPU_FREQUENCY_CAP);
      assertThat(action.value()).hasValue(2900);
    });
  }

  @Test
  void an_unknown_metric_is_refused_naming_file_scenario_and_key() {
    assertThatThrownBy(() -> read(one("""
        given:
          nodes:
            - {id: site-a/n01, metrics: {cpu_temperature: 91}}
        expect: []
        """))).isInstanceOf(ScenarioException.class)
        .hasMessageContaining(FILE).hasMessageContaining("scenario 'a scenario'")
        .hasMessageContaining("given.nodes[0].metrics.cpu_temperature");
  }

  @Test
  void an_unknown_fact_key_is_refused_naming_it() {
    assertThatThrownBy(() -> read(one("""
        given:
          nodes:
            - {id: site-a/n01, temperature: 91}
        expect: []
        """))).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("given.nodes[0].temperature");
  }

  @Test
  void a_wrong_type_is_refused_naming_the_key() {
    assertThatThrownBy(() -> read(one("""
        given:
          nodes:
            - {id: site-a/n01, metrics: {cpu_temp_c: hot}}
        expect: []
        """))).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("given.nodes[0].metrics.cpu_temp_c");
  }

  @Test
  void a_node_id_without_its_site_is_refused() {
    assertThatThrownBy(() -> read(one("""
        given:
          nodes:
            - {id: n01}
        expect: []
        """))).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("given.nodes[0].id").hasMessageContaining("site/name");
  }

  @Test
  void an_unknown_action_type_is_refused_with_the_known_ones() {
    assertThatThrownBy(() -> read(one("""
        given: {}
        expect:
          - {type: reboot_node, target: site-a/n01}
        """))).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("expect[0].type").hasMessageContaining("drain_node");
  }

  @Test
  void an_unknown_setting_is_refused() {
    assertThatThrownBy(() -> read(one("""
        settings: {cap_stepmhz: 100}
        given: {}
        expect: []
        """))).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("settings.cap_stepmhz");
  }

  @Test
  void a_file_without_scenarios_or_with_broken_yaml_is_refused_with_its_name() {
    assertThatThrownBy(() -> read("tests: []")).isInstanceOf(ScenarioException.class)
        .hasMessageContaining(FILE + ": the file must hold one key, scenarios");
    assertThatThrownBy(() -> read("scenarios: [\n  - {name: x")).isInstanceOf(
        ScenarioException.class).hasMessageContaining(FILE + ": line");
  }

  @Test
  void two_scenarios_with_one_name_are_refused() {
    assertThatThrownBy(() -> read("""
        scenarios:
          - {name: same, given: {}, expect: []}
          - {name: same, given: {}, expect: []}
        """)).isInstanceOf(ScenarioException.class).hasMessageContaining("'same' twice");
  }
}
