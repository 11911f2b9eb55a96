package dev.kelvin.predictor.failure.logs;

import dev.kelvin.datasets.failure.LanlFailure;
import dev.kelvin.datasets.failure.LanlFailureLog;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureDataSource;
import dev.kelvin.predictor.failure.FailureExamples;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The LANL failure log, 1996-2005: one system per system number ({@code lanl-18}), its compute
 * nodes (purpose {@code compute} or {@code graphics.compute}) as nodes. A failure is a record's
 * start; the node is down for the record's downtime. A system is watched from its first record
 * to its last. Its nodes are the numbers the log names plus as many as its {@code nodes} column
 * says counted up from 0 (or from its lowest number, where the log numbers from there), since
 * a node that never failed is never named; nodes named only for other purposes are left out,
 * as is system 17, whose records name no node.
 */
public final class LanlSource implements FailureDataSource {
  static final String FILE = "LA-UR-05-7318-failure-data-1996-2005.csv.xz";

  @Override
  public String name() {
    return "lanl";
  }

  @Override
  public boolean matches(Path path) {
    return LogSources.holds(path, FILE);
  }

  @Override
  public FailureExamples examples(Path path, ExampleSettings settings,
      Consumer<String> progress) {
    Path file = LogSources.file(path, FILE);
    List<LanlFailure> log = LanlFailureLog.read(file);
    progress.accept("read " + file + ": " + log.size() + " records (the LANL reader stops at the"
        + " first bad one)");
    Map<Integer, List<LanlFailure>> bySystem = log.stream()
        .filter(f -> f.node().isPresent())
        .collect(Collectors.groupingBy(LanlFailure::system, TreeMap::new, Collectors.toList()));
    List<SystemLog> systems = new ArrayList<>();
    bySystem.forEach((number, records) -> systems.add(system(number, records)));
    return LogSources.examples(name(), systems, settings, List.of(file), progress);
  }

  static SystemLog system(int number, List<LanlFailure> records) {
    Instant first = records.stream().map(LanlFailure::startedAt).min(Comparator.naturalOrder())
        .orElseThrow();
    Instant last = records.stream().map(LanlFailure::startedAt).max(Comparator.naturalOrder())
        .orElseThrow();
    TreeSet<Integer> named = new TreeSet<>();
    TreeSet<Integer> compute = new TreeSet<>();
    for (LanlFailure record : records) {
      named.add(record.node().getAsInt());
      if (compute(record)) {
        compute.add(record.node().getAsInt());
      }
    }
    int size = records.stream().mapToInt(r -> r.systemNodes().orElse(1)).max().orElse(1);
    int from = named.first() >= size ? named.first() : 0;
    TreeSet<Integer> nodes = new TreeSet<>(compute);
    for (int n = from; n < from + size; n++) {
      if (!named.contains(n)) {
        nodes.add(n);
      }
    }
    Map<Integer, List<LanlFailure>> byNode = records.stream().filter(LanlSource::compute)
        .collect(Collectors.groupingBy(r -> r.node().getAsInt()));
    List<NodeLog> logs = new ArrayList<>();
    for (int node : nodes) {
      List<LanlFailure> own = byNode.getOrDefault(node, List.of());
      logs.add(new NodeLog(Integer.toString(node), first, last,
          own.stream().map(LanlFailure::startedAt).toList(),
          own.stream().map(r -> new NodeLog.Outage(r.startedAt(),
              r.startedAt().plus(Duration.ofMinutes(r.downtimeMinutes())))).toList()));
    }
    return new SystemLog("lanl-" + number, logs);
  }

  private static boolean compute(LanlFailure record) {
    return record.purpose().equals("compute") || record.purpose().equals("graphics.compute");
  }
}
