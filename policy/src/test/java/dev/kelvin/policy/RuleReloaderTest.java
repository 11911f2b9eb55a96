package dev.kelvin.policy;

import static dev.kelvin.core.testkit.Readings.reading;
import static dev.kelvin.policy.Nodes.fresh;
import static dev.kelvin.policy.Nodes.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.time.VirtualScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class RuleReloaderTest {
  private static final Duration POLL = Duration.ofSeconds(5);
  /** An operator rule: caps any CPU above 70 °C to its minimum. */
  private static final String WARM_RULE = """
      package dev.kelvin.policy.rules;

      rule "operator-cap-warm"
      when
          $node : NodeThermalFact( stale == false, cpuTempCelsius > 70 )
      then
          insert( new CpuCapProposal( drools.getRule().getName(), $node.node(), $node.minMhz(),
              "warm", java.util.List.of() ) );
      end
      """;
  private static final String BROKEN_RULE = """
      package dev.kelvin.policy.rules;

      rule "operator-broken"
      when
          $node : NodeThermalFact( cpuTemperature > 70 )
      then
      end
      """;

  @TempDir
  Path folder;

  private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.START);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RuleReloader.class);
  private RulePolicy policy;
  private RuleReloader reloader;

  @BeforeEach
  void watchAnEmptyFolder() {
    logs.start();
    logger.addAppender(logs);
    policy = RulePolicy.load(RuleParameters.defaults(), new ActionIds(MutableClock.START),
        RuleDirectory.of(folder));
    reloader = RuleReloader.start(policy, RuleDirectory.of(folder), scheduler, POLL);
  }

  @AfterEach
  void stop() {
    reloader.close();
    logger.detachAppender(logs);
  }

  private List<String> rulesThatFireOnA75DegreeCpu() {
    List<Action> actions = policy.decide(snapshot(fresh(reading().node("n01")
        .with(NodeMetric.CPU_TEMP_CELSIUS, 75))), List.of());
    return actions.stream().map(Action::rule).toList();
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text);
  }

  private long warnings() {
    return logs.list.stream().filter(e -> e.getLevel().toString().equals("WARN")).count();
  }

  @Test
  void a_rule_file_added_to_the_folder_is_in_force_after_the_next_poll() throws IOException {
    assertThat(rulesThatFireOnA75DegreeCpu()).isEmpty();
    write("warm.drl", WARM_RULE);

    scheduler.advanceBy(POLL);

    assertThat(rulesThatFireOnA75DegreeCpu()).containsExactly("operator-cap-warm");
    assertThat(policy.ruleNames()).contains("operator-cap-warm", "thermal-cap-cpu");
    assertThat(reloader.status().broken()).isFalse();
  }

  @Test
  void a_removed_rule_file_takes_its_rules_out_of_force() throws IOException {
    write("warm.drl", WARM_RULE);
    scheduler.advanceBy(POLL);
    Files.delete(folder.resolve("warm.drl"));

    scheduler.advanceBy(POLL);

    assertThat(rulesThatFireOnA75DegreeCpu()).isEmpty();
  }

  @Test
  void a_broken_file_keeps_the_old_rules_and_reports_file_and_line_once() throws IOException {
    write("warm.drl", WARM_RULE);
    scheduler.advanceBy(POLL);
    write("broken.drl", BROKEN_RULE);

    scheduler.advanceBy(POLL.multipliedBy(4));

    assertThat(rulesThatFireOnA75DegreeCpu()).containsExactly("operator-cap-warm");
    RulesStatus status = reloader.status();
    assertThat(status.broken()).isTrue();
    assertThat(status.detail()).contains(folder.resolve("broken.drl") + " line 5")
        .contains("cpuTemperature").contains("stay in force");
    assertThat(warnings()).as("logged once per change, not every poll").isEqualTo(1);
  }

  @Test
  void fixing_the_broken_file_clears_the_report_and_loads_the_fix() throws IOException {
    write("broken.drl", BROKEN_RULE);
    scheduler.advanceBy(POLL);
    assertThat(reloader.status().broken()).isTrue();

    write("broken.drl", WARM_RULE);
    scheduler.advanceBy(POLL);

    assertThat(reloader.status().broken()).isFalse();
    assertThat(reloader.status().detail()).contains("1 operator file(s)");
    assertThat(rulesThatFireOnA75DegreeCpu()).containsExactly("operator-cap-warm");
  }

  @Test
  void a_second_different_error_is_logged_again() throws IOException {
    write("broken.drl", BROKEN_RULE);
    scheduler.advanceBy(POLL);
    write("broken.drl", BROKEN_RULE.replace("cpuTemperature", "cpuHeat"));

    scheduler.advanceBy(POLL);

    assertThat(warnings()).isEqualTo(2);
    assertThat(reloader.status().detail()).contains("cpuHeat");
  }

  @Test
  void an_operator_rule_named_like_a_shipped_rule_is_refused_as_a_clash() throws IOException {
    write("clash.drl", WARM_RULE.replace("operator-cap-warm", "thermal-cap-cpu"));

    scheduler.advanceBy(POLL);

    assertThat(reloader.status().broken()).isTrue();
    assertThat(reloader.status().detail()).contains("thermal-cap-cpu");
    assertThat(policy.ruleNames()).containsOnlyOnce("thermal-cap-cpu");
  }

  @Test
  void a_broken_file_at_start_is_an_error_naming_file_and_line() throws IOException {
    write("broken.drl", BROKEN_RULE);

    assertThatThrownBy(() -> RulePolicy.load(RuleParameters.defaults(),
        new ActionIds(MutableClock.START), RuleDirectory.of(folder)))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(folder.resolve("broken.drl") + " line 5");
  }

  @Test
  void a_missing_folder_is_refused_with_its_path() {
    Path missing = folder.resolve("nope");

    assertThatThrownBy(() -> RuleDirectory.of(missing)).isInstanceOf(PolicyException.class)
        .hasMessageContaining(missing + " is not a folder (it does not exist)");
  }
}
