package dev.kelvin.app.predict;

import picocli.CommandLine.Command;

/** {@code kelvin train failure}: being built (issue 10). */
@Command(name = "failure", mixinStandardHelpOptions = true,
    description = "Not available yet in this build.")
public final class TrainFailureCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("kelvin train failure is not available in this build");
  }
}
