package dev.kelvin.app.predict;

import picocli.CommandLine.Command;

/** {@code kelvin eval load}: being built (issue 10). */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Not available yet in this build.")
public final class EvalLoadCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("kelvin eval load is not available in this build");
  }
}
