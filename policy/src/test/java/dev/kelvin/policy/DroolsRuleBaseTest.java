package dev.kelvin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.policy.rules.JobFact;
import dev.kelvin.policy.rules.JobsByNode;
import dev.kelvin.policy.rules.NodeThermalFact;
import dev.kelvin.policy.rules.PendingJobs;
import dev.kelvin.policy.rules.Proposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DroolsRuleBaseTest {
  private static final String THERMAL = "dev/kelvin/policy/rules/thermal-cpu.drl";
  private static final String RISK_PROBE = "dev/kelvin/policy/probe/risk-probe.drl";
  private static final String JOB_PROBE = "dev/kelvin/policy/probe/job-probe.drl";
  private static final String ANY_PREDICTION_PROBE =
      "dev/kelvin/policy/probe/any-prediction-probe.drl";
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final LoadForecast FORECAST = new LoadForecast(ForecastScope.node(N01),
      Duration.ofMinutes(1), 420, OptionalDouble.empty(), "test-1");

  /** The thermal rules (which read no prediction) and {@code extraFiles}. */
  private static DroolsRuleBase compileWith(String... extraFiles) {
    List<String> files = new ArrayList<>(List.of(THERMAL));
    files.addAll(List.of(extraFiles));
    return DroolsRuleBase.compile(files);
  }

  @Test
  void the_shipped_rules_see_load_forecasts_and_failure_risks() {
    DroolsRuleBase rules = DroolsRuleBase.compile(RuleFiles.policyRules());

    assertThat(rules.seesFactsOf(LoadForecast.class)).isTrue();
    assertThat(rules.seesFactsOf(FailureRisk.class)).isTrue();
    assertThat(rules.seesFactsOf(NodeThermalFact.class)).isTrue();
  }

  @Test
  void the_shipped_rules_read_jobs_from_their_indexes_so_no_job_fact_is_inserted() {
    DroolsRuleBase rules = DroolsRuleBase.compile(RuleFiles.policyRules());

    assertThat(rules.seesFactsOf(JobFact.class)).isFalse();
    assertThat(rules.seesFactsOf(JobsByNode.class)).isTrue();
    assertThat(rules.seesFactsOf(PendingJobs.class)).isTrue();
  }

  @Test
  void an_operator_rule_on_job_facts_gets_them_inserted() {
    DroolsRuleBase rules = compileWith(JOB_PROBE);
    JobFact running = new JobFact(new JobId("j1"), N01.site(), true, List.of(N01), 1, 0, false,
        60, 120, 3600, 60, 0);

    List<Proposal> proposals =
        rules.fire(List.of(PolicySettings.defaults(), running), MutableClock.START);

    assertThat(rules.seesFactsOf(JobFact.class)).isTrue();
    assertThat(proposals).singleElement()
        .satisfies(proposal -> assertThat(proposal.rule()).isEqualTo("job-probe"));
  }

  @Test
  void the_thermal_rules_see_settings_and_thermal_facts_but_no_prediction() {
    DroolsRuleBase rules = compileWith();

    assertThat(rules.seesFactsOf(PolicySettings.class)).isTrue();
    assertThat(rules.seesFactsOf(NodeThermalFact.class)).isTrue();
    assertThat(rules.seesFactsOf(LoadForecast.class)).isFalse();
    assertThat(rules.seesFactsOf(FailureRisk.class)).isFalse();
  }

  @Test
  void a_rule_on_one_prediction_type_makes_that_type_seen_and_no_other() {
    DroolsRuleBase rules = compileWith(RISK_PROBE);

    assertThat(rules.seesFactsOf(FailureRisk.class)).isTrue();
    assertThat(rules.seesFactsOf(LoadForecast.class)).isFalse();
  }

  @Test
  void a_rule_on_the_prediction_interface_sees_load_forecasts() {
    DroolsRuleBase rules = compileWith(ANY_PREDICTION_PROBE);

    List<Proposal> proposals =
        rules.fire(List.of(PolicySettings.defaults(), FORECAST), MutableClock.START);

    assertThat(rules.seesFactsOf(LoadForecast.class)).isTrue();
    assertThat(proposals).singleElement()
        .satisfies(proposal -> assertThat(proposal.rule()).isEqualTo("any-prediction-probe"));
  }

  @Test
  void leaving_out_predictions_no_rule_sees_changes_nothing_the_rules_propose() {
    DroolsRuleBase rules = compileWith();
    NodeThermalFact hot = new NodeThermalFact(N01, false, 95, 85, true, 3000, true, 1000, 3000,
        true, 95, true);

    List<Proposal> without = rules.fire(List.of(PolicySettings.defaults(), hot),
        MutableClock.START);
    List<Proposal> with = rules.fire(List.of(PolicySettings.defaults(), hot, FORECAST),
        MutableClock.START);

    assertThat(without).singleElement()
        .satisfies(proposal -> assertThat(proposal.rule()).isEqualTo("thermal-cap-cpu"));
    assertThat(with).isEqualTo(without);
  }
}
