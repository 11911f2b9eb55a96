package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureDataSource;
import dev.kelvin.predictor.failure.FailureExamples;
import dev.kelvin.predictor.failure.logs.DiskSource;
import dev.kelvin.predictor.failure.logs.Grid5000Source;
import dev.kelvin.predictor.failure.logs.LanlSource;
import dev.kelvin.predictor.failure.logs.TitanSource;
import dev.kelvin.predictor.telemetry.SimTelemetrySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The failure data {@code kelvin train failure} and {@code kelvin eval failure} know, and which
 * of it a {@code --data} path names: the sources that match the path itself, else those that
 * match an entry of the folder (the reference data root holds one folder per data set). A new
 * kind of failure data is one more entry in {@link #KNOWN}.
 */
final class FailureSources {
  static final List<FailureDataSource> KNOWN = List.of(new LanlSource(), new Grid5000Source(),
      new TitanSource(), new DiskSource(), new SimTelemetrySource());

  /** A source and the path it reads. */
  record Found(FailureDataSource source, Path path) {
    FailureExamples examples(ExampleSettings settings, Consumer<String> progress) {
      return source.examples(path, settings, line -> progress.accept(source.name() + ": "
          + line));
    }
  }

  private FailureSources() {}

  static List<Found> find(Path data) {
    if (!Files.exists(data)) {
      throw new StartupException("--data " + data + " does not exist (the reference data is"
          + " in ../shared/data, or where kelvin.data.dir points)");
    }
    List<Found> found = matching(data);
    if (found.isEmpty() && Files.isDirectory(data)) {
      try (Stream<Path> entries = Files.list(data)) {
        for (Path entry : entries.sorted().toList()) {
          found.addAll(matching(entry));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list --data " + data + ": " + e.getMessage(), e);
      }
    }
    if (found.isEmpty()) {
      throw new StartupException("--data " + data + " holds no failure data Kelvin knows: expected"
          + " one of " + KNOWN.stream().map(FailureDataSource::name).toList()
          + " (a folder like lanl-failures-1996-2005, or the reference data root)");
    }
    return found;
  }

  private static List<Found> matching(Path path) {
    List<Found> found = new ArrayList<>();
    for (FailureDataSource source : KNOWN) {
      if (source.matches(path)) {
        found.add(new Found(source, path));
      }
    }
    return found;
  }
}
