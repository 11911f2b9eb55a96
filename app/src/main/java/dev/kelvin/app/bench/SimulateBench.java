package dev.kelvin.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.app.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cases of {@code kelvin bench simulate}: each Kelvin case in a JVM of its own (so its peak
 * resident memory is its own), beside the CloudSim Plus case that does the same work, with the
 * issue's target for each.
 */
final class SimulateBench {
  static final String MAIN_CLASS = "dev.kelvin.app.simulate.SimulationBenchCase";
  static final List<String> SMALL_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx256m");
  static final List<String> LARGE_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx3g");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double BYTES_PER_MIB = 1 << 20;

  /**
   * A Kelvin case, the CloudSim Plus case it is set against (if any), and its targets.
   *
   * @param minRatio CloudSim Plus's wall time over Kelvin's must be at least this
   * @param maxPeakMb Kelvin's peak resident memory must stay under this, MiB
   * @param maxKelvinS Kelvin's wall time must stay under this (0: no such target)
   */
  enum Case {
    EXACT_ENERGY("exact-energy", Optional.of(CloudSimSide.Case.EXACT_ENERGY), 5, 500, 0,
        SMALL_FLAGS),
    SAMPLING_60S("sampling-60s", Optional.of(CloudSimSide.Case.SAMPLING_60S), 5, 500, 0,
        SMALL_FLAGS),
    CONTROL_5MIN("control-5min", Optional.of(CloudSimSide.Case.SAMPLING_60S), 1, 500, 0,
        SMALL_FLAGS),
    SCALE_10K("scale-10k", Optional.empty(), 0, 4096, 600, LARGE_FLAGS);

    final String label;
    final Optional<CloudSimSide.Case> cloudsim;
    final double minRatio;
    final double maxPeakMb;
    final double maxKelvinS;
    final List<String> flags;

    Case(String label, Optional<CloudSimSide.Case> cloudsim, double minRatio, double maxPeakMb,
        double maxKelvinS, List<String> flags) {
      this.label = label;
      this.cloudsim = cloudsim;
      this.minRatio = minRatio;
      this.maxPeakMb = maxPeakMb;
      this.maxKelvinS = maxKelvinS;
      this.flags = flags;
    }

    String target() {
      String memory = "peak < " + (long) maxPeakMb + " MB";
      String speed = cloudsim.map(c -> "CloudSim Plus " + c.label() + " / Kelvin >= "
          + (long) minRatio + "x").orElse("Kelvin < " + (long) maxKelvinS + " s");
      return speed + ", " + memory;
    }
  }

  /** One Kelvin run's figures. */
  record KelvinResult(double wallS, double peakMb, long jobs, long events, double energyKwh) {}

  /** One case's figures and verdict. */
  record Row(Case which, KelvinResult kelvin, Optional<CloudSimSide.Result> cloudsim) {
    double ratio() {
      return cloudsim.map(c -> c.wallS() / kelvin.wallS()).orElse(Double.NaN);
    }

    /** The targets this run can judge: the ratio only when CloudSim Plus ran beside it. */
    boolean pass() {
      boolean speed = which.cloudsim.isEmpty() ? kelvin.wallS() < which.maxKelvinS
          : cloudsim.isEmpty() || ratio() >= which.minRatio;
      return speed && kelvin.peakMb() < which.maxPeakMb;
    }

    Map<String, Object> json() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("name", which.label);
      figures.put("kelvin_s", kelvin.wallS());
      figures.put("kelvin_peak_mb", kelvin.peakMb());
      figures.put("cloudsim_case", cloudsim.map(c -> c.which().label()).orElse(null));
      figures.put("cloudsim_s", cloudsim.map(CloudSimSide.Result::wallS).orElse(null));
      figures.put("cloudsim_peak_mb", cloudsim.map(CloudSimSide.Result::peakMb).orElse(null));
      figures.put("ratio", cloudsim.isPresent() ? ratio() : null);
      figures.put("jobs", kelvin.jobs());
      figures.put("events", kelvin.events());
      figures.put("kelvin_energy_kwh", kelvin.energyKwh());
      figures.put("jvm_flags", String.join(" ", which.flags));
      figures.put("target", which.target());
      figures.put("pass", pass());
      return figures;
    }
  }

  private SimulateBench() {}

  /** Runs Kelvin's side of {@code which} in its own JVM, from this JVM's classpath. */
  static KelvinResult kelvin(Case which, Path dataDir, Duration timeout)
      throws InterruptedException {
    ChildJvm.Command command = new ChildJvm.Command(which.flags,
        System.getProperty("java.class.path"), MAIN_CLASS,
        List.of(which.label, dataDir.toAbsolutePath().toString()));
    Path log = tempLog(which);
    try {
      ChildJvm.Result child = ChildJvm.run(command, timeout, log);
      JsonNode figures = JSON.readTree(child.jsonLine());
      return new KelvinResult(figures.path("wall_s").asDouble(),
          child.peakRssBytes() / BYTES_PER_MIB, figures.path("jobs").asLong(),
          figures.path("events").asLong(), figures.path("energy_kwh").asDouble());
    } catch (IOException e) {
      throw new StartupException("bench case " + which.label + " printed figures that are not"
          + " JSON: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a temporary log left behind is harmless
      }
    }
  }

  private static Path tempLog(Case which) {
    try {
      return Files.createTempFile("kelvin-bench-" + which.label, ".log");
    } catch (IOException e) {
      throw new StartupException("cannot make a temporary log file: " + e.getMessage(), e);
    }
  }
}
