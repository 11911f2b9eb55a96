package dev.kelvin.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.RulePolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped rule scenario, one test each, run the way {@code kelvin rules check} runs
 * them: through {@link RulePolicy#decide} on the shipped rules, comparing actions exactly.
 */
class ShippedScenariosTest {
  private static final RulePolicy RULES = RulePolicy.load(RuleParameters.defaults(),
      new ActionIds(GivenReader.AT));

  @TestFactory
  Stream<DynamicTest> every_shipped_scenario_gives_exactly_its_expected_actions() {
    List<Scenario> scenarios = ScenarioFiles.shipped();
    assertThat(scenarios).isNotEmpty();
    ScenarioRunner runner = new ScenarioRunner(RULES);
    return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(
        scenario.file().replace("dev/kelvin/policy/scenarios/", "") + ": " + scenario.name(),
        () -> assertThat(runner.run(scenario).problems()).as(scenario.name()).isEmpty()));
  }
}
