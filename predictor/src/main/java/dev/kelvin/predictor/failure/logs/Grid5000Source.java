package dev.kelvin.predictor.failure.logs;

import dev.kelvin.datasets.failure.FtaEvent;
import dev.kelvin.datasets.failure.FtaEventTrace;
import dev.kelvin.datasets.failure.ReadRows;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Grid'5000 trace of the Failure Trace Archive, 2005-2006: one system per site ({@code
 * grid5000-site1}), each node by name. A node is watched from the start of its first available
 * interval (before it, the trace had not yet seen it up) to the end of its last interval, and is
 * down in every unavailable one. A failure is the start of an unavailable interval of at least
 * {@link #MIN_OUTAGE} after an available one: half the trace's 294,145 unavailable intervals are
 * shorter than 3 minutes, the reboots of users redeploying their nodes, which no operator would
 * call a failure.
 */
public final class Grid5000Source implements FailureDataSource {
  static final String FILE = "event_trace.tab.xz";
  /** The shortest unavailability that counts as a failure. */
  public static final Duration MIN_OUTAGE = Duration.ofHours(1);

  @Override
  public String name() {
    return "grid5000";
  }

  @Override
  public boolean matches(Path path) {
    return LogSources.holds(path, FILE);
  }

  @Override
  public FailureExamples examples(Path path, ExampleSettings settings,
      Consumer<String> progress) {
    Path file = LogSources.file(path, FILE);
    ReadRows<FtaEvent> read = FtaEventTrace.read(file);
    LogSources.report(read.bad(), progress);
    Map<String, Map<String, List<FtaEvent>>> bySite = read.records().stream()
        .collect(Collectors.groupingBy(e -> site(e.nodeName()), TreeMap::new,
            Collectors.groupingBy(FtaEvent::nodeName, TreeMap::new, Collectors.toList())));
    List<SystemLog> systems = new ArrayList<>();
    bySite.forEach((site, nodes) -> {
      List<NodeLog> logs = new ArrayList<>();
      nodes.forEach((node, events) -> node(node, events).ifPresent(logs::add));
      systems.add(new SystemLog("grid5000-" + site, logs));
    });
    return LogSources.examples(name(), systems, settings, List.of(file), progress);
  }

  /** The site of a name like {@code G1/site1/c1/node1}, or {@code unknown}. */
  static String site(String nodeName) {
    String[] parts = nodeName.split("/");
    return parts.length >= 2 ? parts[1] : "unknown";
  }

  static java.util.Optional<NodeLog> node(String node, List<FtaEvent> events) {
    List<FtaEvent> sorted = events.stream().sorted(Comparator.comparing(FtaEvent::start))
        .toList();
    Instant firstUp = sorted.stream().filter(FtaEvent::available).map(FtaEvent::start)
        .findFirst().orElse(null);
    if (firstUp == null) {
      return java.util.Optional.empty();
    }
    Instant end = sorted.stream().map(FtaEvent::stop).max(Comparator.naturalOrder())
        .orElseThrow();
    List<Instant> failures = new ArrayList<>();
    List<NodeLog.Outage> outages = new ArrayList<>();
    boolean wasUp = false;
    for (FtaEvent event : sorted) {
      if (!event.available()) {
        outages.add(new NodeLog.Outage(event.start(), event.stop()));
        boolean longEnough = Duration.between(event.start(), event.stop())
            .compareTo(MIN_OUTAGE) >= 0;
        if (wasUp && longEnough) {
          failures.add(event.start());
        }
      }
      wasUp = event.available();
    }
    return java.util.Optional.of(new NodeLog(node, firstUp, end, failures, outages));
  }
}
