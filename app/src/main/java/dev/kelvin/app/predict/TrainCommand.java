package dev.kelvin.app.predict;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kelvin train}: trains a model on data before a date and writes a model file. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Trains a failure, load or anomaly model (docs/predictor.md).",
    subcommands = {TrainFailureCommand.class, TrainLoadCommand.class,
        TrainAnomalyCommand.class})
public final class TrainCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing kind: try 'kelvin train failure --data PATH --out FILE'");
  }
}
