package dev.kelvin.policy;

import static dev.kelvin.core.testkit.Readings.reading;
import static dev.kelvin.policy.Nodes.fresh;
import static dev.kelvin.policy.Nodes.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBaseLoadingTest {
  private static final String SYNTAX_ERROR = "dev/kelvin/policy/broken/syntax-error.drl";
  private static final String UNKNOWN_FIELD = "dev/kelvin/policy/broken/unknown-field.drl";
  private static final String PROBE = "dev/kelvin/policy/probe/risk-probe.drl";

  private static RulePolicy load(List<String> ruleFiles) {
    return RulePolicy.load(RuleParameters.defaults(), new ActionIds(MutableClock.START),
        ruleFiles);
  }

  @Test
  void reports_drl_syntax_errors_with_file_and_line() {
    assertThatThrownBy(() -> load(List.of(SYNTAX_ERROR)))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("compiling the policy rules")
        .hasMessageContaining(SYNTAX_ERROR + " line 6");
  }

  @Test
  void reports_an_unknown_fact_field_with_file_and_expression() {
    assertThatThrownBy(() -> load(List.of(UNKNOWN_FIELD)))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(UNKNOWN_FIELD)
        .hasMessageContaining("cpuTemperature > 90");
  }

  @Test
  void names_a_rule_file_missing_from_the_classpath() {
    assertThatThrownBy(() -> load(List.of("dev/kelvin/policy/rules/nowhere.drl")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("dev/kelvin/policy/rules/nowhere.drl is not on the classpath");
  }

  @Test
  void inserts_predictions_so_that_rules_can_match_them() {
    List<String> files = new ArrayList<>(RuleFiles.policyRules());
    files.add(PROBE);
    RulePolicy policy = load(files);
    NodeId n03 = NodeId.of("site-a", "n03");
    FailureRisk risky = new FailureRisk(n03, 0.8, Duration.ofHours(1), "test-1");
    FailureRisk calm = new FailureRisk(NodeId.of("site-a", "n04"), 0.1, Duration.ofHours(1),
        "test-1");

    List<Action> actions =
        policy.decide(snapshot(fresh(reading().node("n03"))), List.of(risky, calm));

    assertThat(policy.ruleNames()).contains("risk-probe", "thermal-cap-cpu");
    // the shipped failure-risk-drain rule reads the same prediction
    assertThat(actions).extracting(Action::rule)
        .containsExactlyInAnyOrder("risk-probe", "failure-risk-drain");
    assertThat(actions).filteredOn(action -> action.rule().equals("risk-probe")).singleElement()
        .satisfies(action -> assertThat(action.target()).isEqualTo(n03.toString()));
  }
}
