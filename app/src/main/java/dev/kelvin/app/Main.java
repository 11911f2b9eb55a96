package dev.kelvin.app;

import dev.kelvin.app.agent.AgentCommand;
import dev.kelvin.app.audit.AuditCommand;
import dev.kelvin.app.bench.BenchCommand;
import dev.kelvin.app.demo.DemoCommand;
import dev.kelvin.app.predict.EvalCommand;
import dev.kelvin.app.predict.TrainCommand;
import dev.kelvin.app.rules.RulesCommand;
import dev.kelvin.app.run.RunCommand;
import dev.kelvin.app.simulate.SimulateCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code kelvin} command. Exit codes: 0 done, 1 failed (the message says why), 2 usage
 * error (unknown command or option; usage on stderr).
 */
@Command(name = "kelvin", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Energy-aware autonomous controller for HPC and AI data centers.",
    subcommands = {DemoCommand.class, RunCommand.class, AgentCommand.class, SimulateCommand.class,
        BenchCommand.class, AuditCommand.class, RulesCommand.class, TrainCommand.class,
        EvalCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Start with: kelvin demo   (then open http://127.0.0.1:8080)",
        "Live:       kelvin run --config kelvin.yaml; on each node: kelvin agent --config"
            + " agent.yaml",
        "Planning: kelvin simulate --scenario scenarios/kth-year.yaml --compare"})
public final class Main implements Runnable {
  @Spec
  private CommandSpec spec;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests and for {@link #main}. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    commandLine.setParameterExceptionHandler(Main::usageError);
    return commandLine;
  }

  /**
   * A usage error: the message, picocli's suggestions if it has any, and always the usage of
   * the command at fault, on stderr; exit code 2.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine at = e.getCommandLine();
    PrintWriter err = at.getErr();
    err.println(e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    at.usage(err);
    return at.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: try 'kelvin demo', 'kelvin run' or 'kelvin --help'");
  }
}
