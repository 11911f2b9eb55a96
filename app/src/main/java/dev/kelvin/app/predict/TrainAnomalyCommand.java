package dev.kelvin.app.predict;

import picocli.CommandLine.Command;

/** {@code kelvin train anomaly}: being built (issue 10). */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
    description = "Not available yet in this build.")
public final class TrainAnomalyCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("kelvin train anomaly is not available in this build");
  }
}
