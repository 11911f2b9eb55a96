package dev.kelvin.app.predict;

import picocli.CommandLine.Command;

/** {@code kelvin eval failure}: being built (issue 10). */
@Command(name = "failure", mixinStandardHelpOptions = true,
    description = "Not available yet in this build.")
public final class EvalFailureCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("kelvin eval failure is not available in this build");
  }
}
