package dev.kelvin.simulator.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a relative path in a scenario points: first the scenario file's folder, then the working
 * folder (so that a scenario kept beside its data and one run from the repository root both
 * work). An absolute path is taken as written.
 *
 * @param scenarioFolder the folder of the scenario file
 * @param workingFolder the folder the command runs in
 */
public record ScenarioPaths(Path scenarioFolder, Path workingFolder) {
  public ScenarioPaths {
    scenarioFolder = scenarioFolder.toAbsolutePath().normalize();
    workingFolder = workingFolder.toAbsolutePath().normalize();
  }

  /** Relative paths resolve against {@code scenarioFolder}, then the process's working folder. */
  public static ScenarioPaths beside(Path scenarioFolder) {
    return new ScenarioPaths(scenarioFolder, Path.of(""));
  }

  /**
   * The places {@code written} may mean, in the order they are tried; two for a relative path
   * (one when both folders are the same), one for an absolute one.
   *
   * @throws InvalidPathException when {@code written} is no path on this system, or starts
   *     with {@code ~}
   */
  List<Path> candidates(String written) {
    if (written.equals("~") || written.startsWith("~/")) {
      throw new InvalidPathException(written, "~ is not expanded; write the full path or one"
          + " relative to the scenario file's folder");
    }
    Path path = Path.of(written);
    if (path.isAbsolute()) {
      return List.of(path.normalize());
    }
    List<Path> candidates = new ArrayList<>(2);
    candidates.add(scenarioFolder.resolve(path).normalize());
    Path fromWorkingFolder = workingFolder.resolve(path).normalize();
    if (!candidates.contains(fromWorkingFolder)) {
      candidates.add(fromWorkingFolder);
    }
    return List.copyOf(candidates);
  }

  /** The first of {@link #candidates} that {@code fits}. */
  Optional<Path> find(String written, Predicate<Path> fits) {
    Objects.requireNonNull(fits, "fits");
    return candidates(written).stream().filter(fits).findFirst();
  }

  /** {@code /a/b and /c/b}: the candidates as a message lists them. */
  String tried(String written) {
    List<String> paths = candidates(written).stream().map(Path::toString).toList();
    return paths.size() == 1 ? paths.get(0) : String.join(" and ", paths);
  }
}
