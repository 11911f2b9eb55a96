package dev.kelvin.predictor.failure.logs;

import dev.kelvin.datasets.failure.BadRows;
import dev.kelvin.predictor.failure.DataFiles;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureExample;
import dev.kelvin.predictor.failure.FailureExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the failure-log sources share: the anchor step, the default horizon, and turning a log's
 * systems into one source's examples.
 *
 * <p>Anchors are daily (midnight UTC): the logs time failures to the minute at best, an
 * operator plans drains and repairs by the day, and a finer grid would only repeat the same
 * history features. The default horizon is one day: failures come in bursts (a node fails
 * again soon after a repair, many nodes of a system fail together), and that is what a history
 * can tell. With seven days the Grid'5000 sites are positive a quarter to three quarters of the
 * time and the model lost to the baseline on four of nine sites; with one day it beat the
 * baseline on every system (docs/predictor.md has both).
 */
final class LogSources {
  static final Duration ANCHOR_STEP = Duration.ofDays(1);
  static final Duration DEFAULT_HORIZON = Duration.ofDays(1);

  private LogSources() {}

  static FailureExamples examples(String source, List<SystemLog> systems,
      ExampleSettings settings, List<Path> files, Consumer<String> progress) {
    Duration horizon = settings.horizon().orElse(DEFAULT_HORIZON);
    List<FailureExample> examples = new ArrayList<>();
    for (SystemLog system : systems) {
      List<FailureExample> own = LogExamples.of(system, horizon, ANCHOR_STEP, settings);
      long failures = system.nodes().stream().mapToLong(n -> n.failures().size()).sum();
      long positives = own.stream().filter(FailureExample::label).count();
      double kept = own.stream().filter(e -> !e.label()).mapToDouble(e -> 1 / e.weight())
          .findFirst().orElse(1);
      progress.accept(String.format(Locale.ROOT, "%s: %,d nodes, %,d failures; %,d examples"
          + " (%,d positive)%s", system.system(), system.nodes().size(), failures, own.size(),
          positives, kept < 1 ? String.format(Locale.ROOT, ", negatives sampled 1 in %.1f",
              1 / kept) : ""));
      examples.addAll(own);
    }
    examples.sort(Comparator.comparing(FailureExample::anchor));
    return new FailureExamples(source, LogFeatures.FEATURES, horizon, examples,
        DataFiles.of(files));
  }

  /** Reports a read's rows and bad rows on the progress line. */
  static void report(BadRows bad, Consumer<String> progress) {
    progress.accept("read " + bad.summary());
  }

  /** {@code path} itself when it is the file, else the file of that name in the folder. */
  static Path file(Path path, String name) {
    return Files.isDirectory(path) ? path.resolve(name) : path;
  }

  /** Whether {@code path} is the file {@code name} or a folder holding it. */
  static boolean holds(Path path, String name) {
    return Files.isRegularFile(file(path, name))
        && file(path, name).getFileName().toString().equals(name);
  }
}
