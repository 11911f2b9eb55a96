package dev.kelvin.app.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code kelvin demo} can be told. See docs/configuration.md for each option.
 *
 * @param httpHost where the dashboard listens
 * @param httpPort the dashboard's port (0: any free port)
 * @param mqttPort the embedded broker's port on 127.0.0.1 (0: any free port)
 * @param racks racks in the simulated site
 * @param nodesPerRack nodes per rack
 * @param seed the seed of every random choice: the same seed gives the same workload
 * @param tick how often the control loop decides
 * @param dryRun decide and audit, but send nothing to the nodes
 * @param auditFile the append-only audit log (JSON lines)
 * @param trainingSpan how much simulated history the power model is trained on at start-up,
 *     when {@code trainPowerModel}
 * @param workDir scratch space for the embedded broker
 * @param httpAllowedHosts names the dashboard answers to besides this machine's own
 * @param trainPowerModel whether to train the next-minute power model at start-up
 * @param modelsDir a folder of model files served before the shipped ones, watched for changes
 */
public record DemoOptions(String httpHost, int httpPort, int mqttPort, int racks,
    int nodesPerRack, long seed, Duration tick, boolean dryRun, Path auditFile,
    Duration trainingSpan, Path workDir, List<String> httpAllowedHosts,
    boolean trainPowerModel, Optional<Path> modelsDir) {
  public DemoOptions {
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(modelsDir, "modelsDir");
    httpAllowedHosts = List.copyOf(httpAllowedHosts);
    Objects.requireNonNull(tick, "tick");
    Objects.requireNonNull(auditFile, "auditFile");
    Objects.requireNonNull(trainingSpan, "trainingSpan");
    Objects.requireNonNull(workDir, "workDir");
    if (tick.toMillis() < 100) {
      throw new IllegalArgumentException("--tick-seconds must be at least 0.1 s, was " + tick);
    }
  }

  /**
   * As the canonical constructor, with no extra names for the dashboard, no power model trained
   * at start-up and the shipped models only.
   */
  public DemoOptions(String httpHost, int httpPort, int mqttPort, int racks, int nodesPerRack,
      long seed, Duration tick, boolean dryRun, Path auditFile, Duration trainingSpan,
      Path workDir) {
    this(httpHost, httpPort, mqttPort, racks, nodesPerRack, seed, tick, dryRun, auditFile,
        trainingSpan, workDir, List.of(), false, Optional.empty());
  }
}
