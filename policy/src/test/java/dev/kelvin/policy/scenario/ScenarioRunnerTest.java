package dev.kelvin.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.RulePolicy;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
  private static final ScenarioRunner RUNNER = new ScenarioRunner(RulePolicy.load(
      RuleParameters.defaults(), new ActionIds(GivenReader.AT)));

  private static ScenarioResult run(String expect) {
    return RUNNER.run(ScenarioReader.read("t.yaml", """
        scenarios:
          - name: a hot node
            given:
              nodes:
                - {id: site-a/n07, metrics: {cpu_temp_c: 91}}
            expect:
        """ + expect.indent(6)).get(0));
  }

  @Test
  void passes_when_exactly_the_expected_actions_are_proposed() {
    ScenarioResult result = run(
        "- {type: set_cpu_frequency_cap, target: site-a/n07, rule: thermal-cap-cpu, value: 2800}");

    assertThat(result.passed()).isTrue();
  }

  @Test
  void reports_an_unexpected_action_with_its_rule_and_reason() {
    ScenarioResult result = run("[]");

    assertThat(result.passed()).isFalse();
    assertThat(result.problems()).containsExactly("unexpected: set_cpu_frequency_cap site-a/n07"
        + " by thermal-cap-cpu value 2800 (CPU at 91.0 °C exceeds its 85 °C limit: cap one step"
        + " (200 MHz) from 3000 to 2800 MHz)");
  }

  @Test
  void reports_a_missing_action_and_a_wrong_value_as_missing_plus_unexpected() {
    ScenarioResult result = run("""
        - {type: set_cpu_frequency_cap, target: site-a/n07, value: 2600}
        - {type: drain_node, target: site-a/n07}
        """);

    assertThat(result.missing()).containsExactly("set_cpu_frequency_cap site-a/n07 value 2600",
        "drain_node site-a/n07");
    assertThat(result.unexpected()).singleElement().asString().contains("value 2800");
  }

  @Test
  void an_action_expected_twice_is_missing_once() {
    ScenarioResult result = run("""
        - {type: set_cpu_frequency_cap, target: site-a/n07}
        - {type: set_cpu_frequency_cap, target: site-a/n07}
        """);

    assertThat(result.missing()).hasSize(1);
    assertThat(result.unexpected()).isEmpty();
  }
}
