package dev.kelvin.app.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kelvin audit}: the audit file commands; alone, a usage error. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Commands on Kelvin's audit files.",
    subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: try 'kelvin audit verify FILE'");
  }
}
