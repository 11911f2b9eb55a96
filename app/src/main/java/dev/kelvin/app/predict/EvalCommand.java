package dev.kelvin.app.predict;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kelvin eval}: evaluates a model file on held-back later data against a baseline. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluates a failure, load or anomaly model against a baseline"
        + " (docs/predictor.md).",
    subcommands = {EvalFailureCommand.class, EvalLoadCommand.class, EvalAnomalyCommand.class})
public final class EvalCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing kind: try 'kelvin eval failure --model FILE --data PATH'");
  }
}
