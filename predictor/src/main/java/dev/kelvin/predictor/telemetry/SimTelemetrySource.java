package dev.kelvin.predictor.telemetry;

import dev.kelvin.datasets.failure.FailureDataException;
import dev.kelvin.predictor.failure.DataFiles;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureDataSource;
import dev.kelvin.predictor.failure.FailureExample;
import dev.kelvin.predictor.failure.FailureExamples;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Recorded simulator telemetry ({@link TelemetryFile}, written by {@code kelvin simulate
 * --record-features}) as failure examples: every row is a node at a control tick, anchored
 * there, with its {@code node-failure} features; its label says whether the node's next failure
 * starts within the horizon (default {@link #DEFAULT_HORIZON}). Rows of the last horizon of the
 * recording are left out: what happened after them was not recorded. A recording with more rows
 * than the settings' cap keeps every positive and each negative with one probability, weighted
 * by its inverse, chosen by a hash of the seed, the node and the tick (the same in every run).
 * The system is {@code sim-} and the node's site.
 */
public final class SimTelemetrySource implements FailureDataSource {
  /** The failure horizon of telemetry: half an hour, as the issue asks. */
  public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(30);

  @Override
  public String name() {
    return "sim-telemetry";
  }

  /** A gzip file whose first line is the telemetry file's. */
  @Override
  public boolean matches(Path path) {
    if (!Files.isRegularFile(path) || !path.getFileName().toString().endsWith(".gz")) {
      return false;
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
      return TelemetryFile.MAGIC.equals(in.readLine());
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  @Override
  public FailureExamples examples(Path path, ExampleSettings settings,
      Consumer<String> progress) {
    Duration horizon = settings.horizon().orElse(DEFAULT_HORIZON);
    double horizonS = horizon.toMillis() / 1000.0;
    progress.accept("reading " + path + " (pass 1 of 2: counting) ...");
    long[] counts = new long[2];
    TelemetryReadReport report = read(path, row -> counts[row.secondsToFailure() < horizonS
        ? 1 : 0]++);
    if (report.until().isEmpty()) {
      throw new FailureDataException(path + ": no rows; record a longer run");
    }
    Instant labelledUntil = report.until().get().minus(horizon);
    double keep = Math.min(1, Math.max(0, settings.maxExamplesPerSystem() - counts[1])
        / (double) Math.max(1, counts[0]));
    progress.accept(String.format(Locale.ROOT, "reading %s (pass 2 of 2: %,d rows, %,d within"
        + " %s of a failure; keeping each other row with probability %.4f) ...", path,
        report.rows(), counts[1], horizon, keep));
    List<FailureExample> examples = new ArrayList<>();
    read(path, row -> {
      if (row.at().isAfter(labelledUntil)) {
        return;
      }
      boolean label = row.secondsToFailure() < horizonS;
      double weight = 1;
      if (!label && keep < 1) {
        if (uniform(settings.seed(), row) >= keep) {
          return;
        }
        weight = 1 / keep;
      }
      examples.add(new FailureExample("sim-" + row.node().site(), row.node().name(), row.at(),
          row.features(), label, row.secondsToFailure(), weight));
    });
    progress.accept(String.format(Locale.ROOT, "%,d examples from %s; bad rows skipped: %s",
        examples.size(), path, report.badRows()));
    return new FailureExamples(name(), NodeTelemetryFeatures.FEATURES, horizon, examples,
        DataFiles.of(List.of(path)));
  }

  private static TelemetryReadReport read(Path path, Consumer<TelemetryRow> rows) {
    try {
      return TelemetryFile.read(path, NodeTelemetryFeatures.FEATURES, rows);
    } catch (TelemetryDataException e) {
      throw new FailureDataException(e.getMessage(), e);
    }
  }

  /** A uniform number in [0, 1) fixed by the seed, the node and the tick. */
  private static double uniform(long seed, TelemetryRow row) {
    long key = seed * 0x9E3779B97F4A7C15L ^ row.node().toString().hashCode() * 0xBF58476D1CE4E5B9L
        ^ row.at().getEpochSecond();
    return new SplittableRandom(key).nextDouble();
  }
}
