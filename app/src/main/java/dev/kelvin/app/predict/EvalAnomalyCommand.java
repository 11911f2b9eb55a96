package dev.kelvin.app.predict;

import picocli.CommandLine.Command;

/** {@code kelvin eval anomaly}: being built (issue 10). */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    description = "Not available yet in this build.")
public final class EvalAnomalyCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("kelvin eval anomaly is not available in this build");
  }
}
