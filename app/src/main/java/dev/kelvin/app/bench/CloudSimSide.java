package dev.kelvin.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The CloudSim Plus side of {@code kelvin bench simulate}: replays the trace in CloudSim Plus
 * 8.5.7 (module {@code bench-cloudsim}, never part of Kelvin's runtime) in a JVM of its own,
 * started from the classpath file that module's build writes, once per {@link Case}.
 */
final class CloudSimSide {
  /** Where {@code ./mvnw package} leaves the replay's classpath, from the repository root. */
  static final Path CLASSPATH_FILE = Path.of("bench-cloudsim", "target", "classpath.txt");
  static final String MAIN_CLASS = "dev.kelvin.bench.cloudsim.CloudSimReplay";
  /** The replay's JVM flags; docs/performance.md quotes them. */
  static final List<String> JVM_FLAGS = List.of("-Xmx4g");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double BYTES_PER_MIB = 1 << 20;

  /** The work replayed: CloudSim Plus with no power samples, or sampling every so often. */
  enum Case {
    EXACT_ENERGY("exact-energy", 0),
    SAMPLING_300S("sampling-300s", 300),
    SAMPLING_60S("sampling-60s", 60);

    private final String label;
    private final long sampleEveryS;

    Case(String label, long sampleEveryS) {
      this.label = label;
      this.sampleEveryS = sampleEveryS;
    }

    String label() {
      return label;
    }

    long sampleEveryS() {
      return sampleEveryS;
    }
  }

  /**
   * One case's figures.
   *
   * @param wallS the replay's own wall time, trace reading included, JVM start-up not
   * @param cpuS CPU seconds the replay's process used (all its threads)
   * @param peakMb peak resident memory (RSS, not heap), MiB: the larger of what polling saw
   *     and what the replay read itself at its end
   * @param energyKwh the hosts' energy as CloudSim Plus accounted it
   */
  record Result(Case which, double wallS, double cpuS, double peakMb, long cloudlets,
      long finished, double energyKwh) {}

  private final Path classpathFile;
  private final Duration timeout;

  private CloudSimSide(Path classpathFile, Duration timeout) {
    this.classpathFile = classpathFile;
    this.timeout = timeout;
  }

  /**
   * The replay as built under {@code root} (the repository root, usually the working
   * directory); each case may run for {@code timeout}.
   *
   * @throws StartupException when the module was not built, saying how to build it
   */
  static CloudSimSide in(Path root, Duration timeout) {
    Path file = root.resolve(CLASSPATH_FILE);
    if (!Files.isReadable(file)) {
      throw new StartupException("the CloudSim Plus replay is not built: no " + file
          + " (build it with ./mvnw -pl bench-cloudsim -am package -DskipTests from the"
          + " repository root, and run the bench from there)");
    }
    return new CloudSimSide(file, timeout);
  }

  /** Runs every case, one after the other, on {@code hosts} one-PE hosts. */
  List<Result> runAll(Path trace, int hosts, int jobsLimit)
      throws InterruptedException {
    List<Result> results = new ArrayList<>();
    for (Case which : Case.values()) {
      results.add(run(which, trace, hosts, jobsLimit));
    }
    return results;
  }

  /**
   * Runs one case; {@code jobsLimit} 0 replays the whole trace.
   *
   * @throws StartupException when the replay fails, outlives the time-out or prints no figures
   */
  Result run(Case which, Path trace, int hosts, int jobsLimit)
      throws InterruptedException {
    Path log = tempLog(which);
    try {
      ChildJvm.Result child = ChildJvm.run(command(which, trace, hosts, jobsLimit), timeout,
          log);
      return parse(which, child);
    } finally {
      deleteQuietly(log);
    }
  }

  ChildJvm.Command command(Case which, Path trace, int hosts, int jobsLimit) {
    return new ChildJvm.Command(JVM_FLAGS, classpath(), MAIN_CLASS, List.of(
        "--trace", trace.toAbsolutePath().toString(), "--hosts", Integer.toString(hosts),
        "--sample-every", Long.toString(which.sampleEveryS()),
        "--jobs-limit", Integer.toString(jobsLimit)));
  }

  /** The figures of the replay's JSON line. */
  static Result parse(Case which, ChildJvm.Result child) {
    try {
      JsonNode figures = JSON.readTree(child.jsonLine());
      double polledMb = child.peakRssBytes() / BYTES_PER_MIB;
      return new Result(which, number(figures, "wall_s"), number(figures, "cpu_s"),
          Math.max(polledMb, number(figures, "peak_mb")), (long) number(figures, "cloudlets"),
          (long) number(figures, "finished"), number(figures, "energy_kwh"));
    } catch (IOException e) {
      throw new StartupException("the CloudSim Plus replay printed a line that is not JSON: "
          + child.jsonLine(), e);
    }
  }

  private static double number(JsonNode figures, String field) {
    JsonNode value = figures.get(field);
    if (value == null || !value.isNumber()) {
      throw new StartupException("the CloudSim Plus replay's figures lack the number "
          + field + " (a replay built from another version?): " + figures);
    }
    return value.asDouble();
  }

  private String classpath() {
    try {
      return Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new StartupException("cannot read the CloudSim Plus replay's classpath "
          + classpathFile + ": " + e, e);
    }
  }

  private static Path tempLog(Case which) {
    try {
      return Files.createTempFile("kelvin-bench-cloudsim-" + which.label(), ".log");
    } catch (IOException e) {
      throw new StartupException("cannot create a log file for the CloudSim Plus replay: " + e,
          e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary log left behind is harmless
    }
  }
}
