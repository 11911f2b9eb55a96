package dev.kelvin.app.rules;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.policy.PolicyException;
import dev.kelvin.policy.RuleDirectory;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.scenario.Scenario;
import dev.kelvin.policy.scenario.ScenarioException;
import dev.kelvin.policy.scenario.ScenarioFiles;
import dev.kelvin.policy.scenario.ScenarioReader;
import dev.kelvin.policy.scenario.ScenarioResult;
import dev.kelvin.policy.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin rules check DIR}: compiles {@code DIR/*.drl} with the shipped rules, then runs
 * {@code DIR/scenarios/*.yaml} and the shipped scenarios through them, a line per scenario and
 * a summary. Exit code 0 when everything compiles and every scenario passes, 1 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Compiles DIR/*.drl together with the shipped rules and runs the rule"
        + " scenarios in DIR/scenarios/*.yaml and the shipped ones: a line per scenario, the"
        + " missing and unexpected actions of each that fails, and a summary. Exit code 0 when"
        + " all pass, 1 on a compile error, an unreadable scenario file or a failed scenario."})
public final class RulesCheckCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The operator's rules folder"
      + " (policy.rules_dir).")
  private Path folder;

  @Option(names = "--no-shipped-scenarios",
      description = "Run only DIR's scenarios, not the shipped ones.")
  private boolean onlyOwn;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      return check(out);
    } finally {
      out.flush();
    }
  }

  private int check(PrintWriter out) {
    RulePolicy rules;
    try {
      rules = RulePolicy.load(RuleParameters.defaults(), new ActionIds(Instant.EPOCH),
          RuleDirectory.of(folder));
    } catch (PolicyException e) {
      out.println("FAIL " + e.getMessage());
      return 1;
    }
    out.println("compiled " + rules.ruleNames().size() + " rules " + rules.ruleNames()
        + " in " + rules.compileTime().toMillis() + " ms");
    List<String> fileErrors = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>(onlyOwn ? List.of() : ScenarioFiles.shipped());
    for (Path file : ScenarioFiles.in(folder.resolve("scenarios"))) {
      try {
        scenarios.addAll(ScenarioReader.read(file));
      } catch (ScenarioException e) {
        fileErrors.add(e.getMessage());
        out.println("FAIL " + e.getMessage());
      }
    }
    int failed = 0;
    ScenarioRunner runner = new ScenarioRunner(rules);
    for (Scenario scenario : scenarios) {
      ScenarioResult result = runner.run(scenario);
      out.println((result.passed() ? "ok   " : "FAIL ") + result.file() + ": " + result.name());
      result.problems().forEach(line -> out.println("       " + line));
      failed += result.passed() ? 0 : 1;
    }
    out.println(scenarios.size() + " scenario(s): " + (scenarios.size() - failed) + " passed, "
        + failed + " failed" + (fileErrors.isEmpty() ? ""
            : "; " + fileErrors.size() + " scenario file(s) could not be read"));
    return failed == 0 && fileErrors.isEmpty() ? 0 : 1;
  }
}
