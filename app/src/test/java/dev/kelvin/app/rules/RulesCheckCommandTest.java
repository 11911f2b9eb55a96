package dev.kelvin.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.core.action.ActionIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCheckCommandTest {
  private static final String WARM_RULE = """
      package dev.kelvin.policy.rules;

      rule "operator-drain-warm"
      when
          $node : NodeThermalFact( stale == false, cpuTempCelsius > 74.5, cpuTempCelsius < 75.5 )
      then
          insert( new CpuCapProposal( drools.getRule().getName(), $node.node(), $node.minMhz(),
              "warm", java.util.List.of() ) );
      end
      """;
  private static final String SCENARIO = """
      scenarios:
        - name: caps a warm CPU to its minimum
          given:
            nodes:
              - {id: site-a/n01, metrics: {cpu_temp_c: 75}}
          expect:
            - {type: set_cpu_frequency_cap, target: site-a/n01, rule: operator-drain-warm,
               value: %s}
      """;

  @TempDir
  Path folder;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int check(String... extra) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    String[] args = new String[extra.length + 3];
    args[0] = "rules";
    args[1] = "check";
    args[2] = folder.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return commandLine.execute(args);
  }

  private void write(String name, String text) throws IOException {
    Files.createDirectories(folder.resolve(name).getParent());
    Files.writeString(folder.resolve(name), text);
  }

  @Test
  void passing_rules_and_scenarios_exit_zero_with_a_line_per_scenario() throws IOException {
    write("warm.drl", WARM_RULE);
    write("scenarios/warm.yaml", SCENARIO.formatted(1200));

    assertThat(check()).isZero();

    int shipped = RulePolicy.load(RuleParameters.defaults(),
        new ActionIds(java.time.Instant.EPOCH)).ruleNames().size();
    assertThat(out.toString()).contains("compiled " + (shipped + 1) + " rules")
        .contains("ok   " + folder.resolve("scenarios/warm.yaml")
            + ": caps a warm CPU to its minimum")
        .contains("ok   dev/kelvin/policy/scenarios/thermal.yaml: caps a CPU over its limit")
        .containsPattern("\\d+ scenario\\(s\\): \\d+ passed, 0 failed");
  }

  @Test
  void a_failing_scenario_exits_one_and_names_the_missing_and_unexpected_actions()
      throws IOException {
    write("warm.drl", WARM_RULE);
    write("scenarios/warm.yaml", SCENARIO.formatted(1400));

    assertThat(check("--no-shipped-scenarios")).isEqualTo(1);

    assertThat(out.toString()).contains("FAIL " + folder.resolve("scenarios/warm.yaml"))
        .contains("missing: set_cpu_frequency_cap site-a/n01 by operator-drain-warm value 1400")
        .contains("unexpected: set_cpu_frequency_cap site-a/n01 by operator-drain-warm value"
            + " 1200 (warm)")
        .contains("1 scenario(s): 0 passed, 1 failed");
  }

  @Test
  void a_rule_file_that_does_not_compile_exits_one_with_file_and_line() throws IOException {
    write("broken.drl", WARM_RULE.replace("when", ""));

    assertThat(check()).isEqualTo(1);

    assertThat(out.toString()).contains("FAIL").contains(folder.resolve("broken.drl") + " line");
  }

  @Test
  void an_unreadable_scenario_file_exits_one_naming_file_scenario_and_key()
      throws IOException {
    write("scenarios/bad.yaml", """
        scenarios:
          - name: typo
            given: {nodes: [{id: site-a/n01, metrics: {cpu_tmp_c: 90}}]}
            expect: []
        """);

    assertThat(check()).isEqualTo(1);

    assertThat(out.toString()).contains("FAIL " + folder.resolve("scenarios/bad.yaml")
        + ": scenario 'typo'").contains("given.nodes[0].metrics.cpu_tmp_c")
        .contains("1 scenario file(s) could not be read");
  }

  @Test
  void a_missing_folder_exits_one() {
    folder = folder.resolve("absent");

    assertThat(check()).isEqualTo(1);
    assertThat(out.toString()).contains("does not exist");
  }
}
