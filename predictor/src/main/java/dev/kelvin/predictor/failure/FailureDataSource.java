package dev.kelvin.predictor.failure;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One kind of failure data that {@code kelvin train failure} and {@code kelvin eval failure}
 * can read: a reference failure log, or recorded simulator telemetry. The commands ask every
 * known source whether it {@link #matches} the path given (or, for a folder no source matches,
 * each entry of it) and train on what the matching ones return.
 */
public interface FailureDataSource {
  /** A short name for reports and model settings, like {@code lanl}. */
  String name();

  /** Whether {@code path} (a file or a folder) holds data of this kind. */
  boolean matches(Path path);

  /**
   * The labelled examples in {@code path}, sorted by anchor time.
   *
   * @param progress takes a line per stage, for the user to watch
   * @throws dev.kelvin.datasets.failure.FailureDataException when the data cannot be read or
   *     too many of its rows are bad (the message says how many and why)
   */
  FailureExamples examples(Path path, ExampleSettings settings, Consumer<String> progress);
}
