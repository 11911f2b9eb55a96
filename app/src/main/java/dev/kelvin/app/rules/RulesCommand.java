package dev.kelvin.app.rules;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kelvin rules}: the rule lifecycle commands. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Checks rule files and rule scenarios (docs/rules.md).",
    subcommands = {RulesCheckCommand.class})
public final class RulesCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: try 'kelvin rules check DIR'");
  }
}
