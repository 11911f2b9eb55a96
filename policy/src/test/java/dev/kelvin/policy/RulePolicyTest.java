package dev.kelvin.policy;

import static dev.kelvin.core.testkit.Readings.reading;
import static dev.kelvin.policy.Nodes.NOW;
import static dev.kelvin.policy.Nodes.fresh;
import static dev.kelvin.policy.Nodes.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulePolicyTest {
  private static final NodeId N07 = NodeId.of("site-a", "n07");

  /** Compiled once: the rule base is immutable; every test gets its own policy and ids. */
  private static final DroolsRuleBase RULES = DroolsRuleBase.compile(RuleFiles.policyRules());

  private final RulePolicy policy = policy(PolicySettings.defaults());

  private static RulePolicy policy(PolicySettings settings) {
    return new RulePolicy(RULES, RuleParameters.defaults().with(settings),
        new ActionIds(MutableClock.START));
  }

  /** n07 at {@code tempCelsius} against an 85 °C limit, capped at {@code capMhz} of 1200-3000. */
  private static Readings n07(double tempCelsius, double capMhz) {
    return reading().node("n07").with(NodeMetric.CPU_TEMP_CELSIUS, tempCelsius)
        .with(NodeMetric.CPU_FREQ_CAP_MHZ, capMhz);
  }

  private List<Action> decide(Readings reading) {
    return policy.decide(snapshot(fresh(reading)), List.of());
  }

  @Test
  void loads_its_rules_from_the_classpath_and_lists_them_by_name() {
    RulePolicy loaded = RulePolicy.load(PolicySettings.defaults(), new ActionIds(NOW));

    assertThat(loaded.ruleNames()).contains("thermal-cap-cpu", "thermal-release-cpu",
        "budget-cap-site", "efficiency-dvfs", "carbon-price-dvfs", "failure-risk-drain",
        "idle-suspend", "failover-site").isSorted();
    assertThat(loaded.compileTime()).isPositive();
    assertThat(loaded.decide(snapshot(fresh(n07(91.2, 3000))), List.of())).hasSize(1);
  }

  @Test
  void caps_a_hot_node_one_step_below_its_current_cap() {
    List<Action> actions = decide(n07(91.2, 3000));

    assertThat(actions).singleElement().isInstanceOfSatisfying(SetCpuFrequencyCap.class, cap -> {
      assertThat(cap.node()).isEqualTo(N07);
      assertThat(cap.capMhz()).isEqualTo(2800);
      assertThat(cap.rule()).isEqualTo("thermal-cap-cpu");
      assertThat(cap.reason()).isEqualTo(
          "CPU at 91.2 °C exceeds its 85 °C limit: cap one step (200 MHz) from 3000 to 2800 MHz");
      assertThat(cap.facts()).containsExactly(new Fact("cpu_temp_c", 91.2, "°C"),
          new Fact("cpu_temp_peak_c", 91.2, "°C"), new Fact("cpu_temp_limit_c", 85, "°C"), new Fact("cpu_freq_cap_mhz", 3000, "MHz"),
          new Fact("cpu_freq_min_mhz", 1200, "MHz"), new Fact("cpu_freq_max_mhz", 3000, "MHz"));
      assertThat(cap.proposedAt()).isEqualTo(NOW);
      assertThat(cap.lease()).isEqualTo(Duration.ofMinutes(2));
    });
  }

  @Test
  void leaves_a_node_exactly_at_its_limit_alone() {
    assertThat(decide(n07(85.0, 3000))).isEmpty();
  }

  @Test
  void leaves_a_stale_hot_node_alone() {
    List<Action> actions = policy.decide(
        snapshot(Nodes.stale(n07(95, 3000), Duration.ofSeconds(14))), List.of());
    assertThat(actions).isEmpty();
  }

  @Test
  void caps_a_hot_node_that_reports_no_cap_one_step_below_its_maximum() {
    List<Action> actions = decide(reading().node("n07").with(NodeMetric.CPU_TEMP_CELSIUS, 90)
        .with(NodeMetric.CPU_FREQ_MAX_MHZ, 3400).without(NodeMetric.CPU_FREQ_CAP_MHZ));

    assertThat(actions).singleElement().isInstanceOfSatisfying(SetCpuFrequencyCap.class,
        cap -> assertThat(cap.capMhz()).isEqualTo(3200));
  }

  @Test
  void caps_a_hot_node_no_lower_than_its_minimum() {
    List<Action> actions = decide(n07(90, 1300));

    assertThat(actions).singleElement().isInstanceOfSatisfying(SetCpuFrequencyCap.class, cap -> {
      assertThat(cap.capMhz()).isEqualTo(1200);
      assertThat(cap.reason()).endsWith("from 1300 to 1200 MHz, the node minimum");
    });
  }

  @Test
  void leaves_a_hot_node_already_at_its_minimum_alone() {
    assertThat(decide(n07(95, 1200))).isEmpty();
  }

  @Test
  void uses_the_configured_default_limit_for_a_node_that_reports_none() {
    Readings hotWithoutLimit = n07(86, 3000).without(NodeMetric.CPU_TEMP_LIMIT_CELSIUS);
    RulePolicy lenient = policy(new PolicySettings(200, 8, 90, Duration.ofMinutes(2),
        Duration.ofSeconds(30)));

    assertThat(decide(hotWithoutLimit)).singleElement().satisfies(action -> assertThat(
        action.reason()).contains("85 °C limit (configured default: the node reports none)"));
    assertThat(lenient.decide(snapshot(fresh(hotWithoutLimit)), List.of())).isEmpty();
  }

  @Test
  void prefers_the_limit_the_node_reports_over_the_default() {
    assertThat(decide(n07(88, 3000).with(NodeMetric.CPU_TEMP_LIMIT_CELSIUS, 95))).isEmpty();
  }

  @Test
  void steps_by_the_configured_step_and_leases_for_the_configured_lease() {
    RulePolicy fine = policy(new PolicySettings(100, 8, 85, Duration.ofSeconds(90),
        Duration.ofSeconds(30)));

    List<Action> actions = fine.decide(snapshot(fresh(n07(91, 3000))), List.of());

    assertThat(actions).singleElement().isInstanceOfSatisfying(SetCpuFrequencyCap.class, cap -> {
      assertThat(cap.capMhz()).isEqualTo(2900);
      assertThat(cap.lease()).isEqualTo(Duration.ofSeconds(90));
    });
  }

  @Test
  void releases_a_cool_capped_node_one_step() {
    List<Action> actions = decide(n07(70, 2600));

    assertThat(actions).singleElement().isInstanceOfSatisfying(SetCpuFrequencyCap.class, cap -> {
      assertThat(cap.capMhz()).isEqualTo(2800);
      assertThat(cap.rule()).isEqualTo("thermal-release-cpu");
      assertThat(cap.reason()).isEqualTo("CPU stayed at or below 70 °C for 30 s, under 77 °C"
          + " (its 85 °C limit less 8 °C hysteresis): raise the cap one step (200 MHz) from 2600"
          + " to 2800 MHz");
    });
  }

  @Test
  void releases_a_cool_node_no_higher_than_its_maximum() {
    assertThat(decide(n07(60, 2900))).singleElement().isInstanceOfSatisfying(
        SetCpuFrequencyCap.class, cap -> assertThat(cap.capMhz()).isEqualTo(3000));
  }

  @Test
  void leaves_a_cool_uncapped_node_alone() {
    assertThat(decide(n07(60, 3000))).isEmpty();
    assertThat(decide(reading().node("n07").without(NodeMetric.CPU_FREQ_CAP_MHZ))).isEmpty();
  }

  @Test
  void holds_the_cap_of_a_node_inside_the_hysteresis_band() {
    assertThat(decide(n07(77, 2600))).isEmpty();
    assertThat(decide(n07(84, 2600))).isEmpty();
  }

  @Test
  void releases_sooner_with_a_smaller_configured_hysteresis() {
    RulePolicy narrow = policy(new PolicySettings(200, 2, 85, Duration.ofMinutes(2),
        Duration.ofSeconds(30)));

    assertThat(narrow.decide(snapshot(fresh(n07(80, 2600))), List.of())).singleElement()
        .satisfies(action -> assertThat(action.rule()).isEqualTo("thermal-release-cpu"));
    assertThat(narrow.decide(snapshot(fresh(n07(83, 2600))), List.of())).isEmpty();
  }

  @Test
  void leaves_a_stale_cool_capped_node_alone() {
    assertThat(policy.decide(snapshot(Nodes.stale(n07(60, 2000), Duration.ofSeconds(30))),
        List.of())).isEmpty();
  }

  @Test
  void skips_a_node_that_reports_no_cpu_temperature() {
    assertThat(decide(reading().node("n07").without(NodeMetric.CPU_TEMP_CELSIUS)
        .with(NodeMetric.CPU_FREQ_CAP_MHZ, 2000))).isEmpty();
  }

  @Test
  void proposes_in_node_order_and_numbers_the_actions_in_that_order() {
    var snapshot = snapshot(fresh(n07(91, 3000).node("n09")), fresh(n07(60, 2000).node("n02")),
        fresh(n07(92, 2800).node("n05")), fresh(n07(70, 3000).node("n01")));

    List<Action> actions = policy.decide(snapshot, List.of());
    List<Action> again = RulePolicy.load(PolicySettings.defaults(),
        new ActionIds(MutableClock.START)).decide(snapshot, List.of());

    assertThat(actions).extracting(Action::target)
        .containsExactly("site-a/n02", "site-a/n05", "site-a/n09");
    ActionIds expected = new ActionIds(MutableClock.START);
    assertThat(actions).extracting(Action::id)
        .containsExactly(expected.next(), expected.next(), expected.next());
    assertThat(again).isEqualTo(actions);
  }

  @Test
  void waits_for_a_new_cap_to_settle_before_capping_again() {
    var justCapped = Nodes.changed(n07(91, 3000), Duration.ofSeconds(10), n07(90, 2800));

    assertThat(policy.decide(snapshot(justCapped), List.of())).isEmpty();
  }

  @Test
  void caps_again_once_the_last_cap_has_held_for_the_settle_time() {
    var settled = Nodes.changed(n07(91, 3000), Duration.ofSeconds(35), n07(88, 2800));

    assertThat(policy.decide(snapshot(settled), List.of())).singleElement()
        .isInstanceOfSatisfying(SetCpuFrequencyCap.class,
            cap -> assertThat(cap.capMhz()).isEqualTo(2600));
  }

  @Test
  void does_not_release_a_node_that_was_hot_within_the_settle_time() {
    var cooledJustNow = Nodes.changed(n07(80, 2600), Duration.ofSeconds(10), n07(70, 2600));

    assertThat(policy.decide(snapshot(cooledJustNow), List.of())).isEmpty();
  }

  @Test
  void does_not_release_a_node_before_its_readings_cover_the_settle_time() {
    assertThat(policy.decide(snapshot(Nodes.firstReading(n07(60, 2600))), List.of())).isEmpty();
  }

  @Test
  void caps_a_hot_node_on_its_first_reading_without_waiting_for_history() {
    assertThat(policy.decide(snapshot(Nodes.firstReading(n07(91, 3000))), List.of()))
        .singleElement().satisfies(a -> assertThat(a.rule()).isEqualTo("thermal-cap-cpu"));
  }

  @Test
  void names_the_peak_temperature_of_the_settle_time_among_its_facts() {
    var cooling = Nodes.changed(n07(75.5, 2600), Duration.ofSeconds(10), n07(70, 2600));

    List<Action> actions = policy.decide(snapshot(cooling), List.of());

    assertThat(actions).singleElement().satisfies(action -> assertThat(action.facts())
        .contains(new Fact("cpu_temp_peak_c", 75.5, "°C")));
  }

  @Test
  void words_a_temperature_just_over_the_limit_with_the_decimals_that_show_it() {
    assertThat(decide(n07(85.04, 3000))).singleElement().satisfies(action ->
        assertThat(action.reason()).startsWith("CPU at 85.04 °C exceeds its 85 °C limit"));
  }
}
