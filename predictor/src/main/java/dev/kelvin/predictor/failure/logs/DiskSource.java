package dev.kelvin.predictor.failure.logs;

import dev.kelvin.datasets.failure.DiskFailure;
import dev.kelvin.datasets.failure.DiskFailureLog;
import dev.kelvin.datasets.failure.ReadRows;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureDataSource;
import dev.kelvin.predictor.failure.FailureExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The disk failures of two HPC file systems, Alpine (2019-2023) and Campaign (2021-2023), one
 * system each, with the disk enclosure as the node: the logs name only failed disks, and most
 * slots fail once in five years, so a slot has no history to learn from, while an enclosure
 * (84 to 106 disks sharing power, cooling and vibration) has a dozen failures on average.
 * Every logged event counts, Campaign's power cycles as well as its replacements. An enclosure
 * is watched over its system's whole log, first event to last, and is never down.
 */
public final class DiskSource implements FailureDataSource {
  static final List<String> FILES = List.of("alpine_formatted_data.csv",
      "camp_formatted_data.csv");

  @Override
  public String name() {
    return "disks";
  }

  @Override
  public boolean matches(Path path) {
    return FILES.stream().anyMatch(f -> LogSources.holds(path, f));
  }

  @Override
  public FailureExamples examples(Path path, ExampleSettings settings,
      Consumer<String> progress) {
    List<Path> files = FILES.stream().map(f -> LogSources.file(path, f))
        .filter(f -> Files.isRegularFile(f) && FILES.contains(f.getFileName().toString()))
        .toList();
    List<SystemLog> systems = new ArrayList<>();
    for (Path file : files) {
      ReadRows<DiskFailure> read = DiskFailureLog.read(file);
      LogSources.report(read.bad(), progress);
      if (!read.records().isEmpty()) {
        systems.add(system(read.records()));
      }
    }
    return LogSources.examples(name(), systems, settings, files, progress);
  }

  static SystemLog system(List<DiskFailure> failures) {
    Instant first = failures.stream().map(DiskFailure::at).min(Comparator.naturalOrder())
        .orElseThrow();
    Instant last = failures.stream().map(DiskFailure::at).max(Comparator.naturalOrder())
        .orElseThrow();
    Map<String, List<Instant>> byEnclosure = failures.stream().collect(Collectors.groupingBy(
        DiskFailure::enclosure, TreeMap::new,
        Collectors.mapping(DiskFailure::at, Collectors.toList())));
    List<NodeLog> nodes = new ArrayList<>();
    byEnclosure.forEach((enclosure, times) ->
        nodes.add(new NodeLog(enclosure, first, last, times, List.of())));
    return new SystemLog(failures.get(0).system(), nodes);
  }
}
