package dev.kelvin.simulator.trace;

import dev.kelvin.simulator.scenario.TraceSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the trace a scenario names: reads it with the reader of its format, turns it into
 * {@link TraceJob}s, keeps the window ({@code start_day}, {@code days}) and scales the load
 * ({@code load_scale}), the same way for every format. Jobs come out sorted by (submit, id).
 */
public final class Traces {
  private static final Logger LOG = LoggerFactory.getLogger(Traces.class);
  private static final Comparator<TraceJob> REPLAY_ORDER =
      Comparator.comparingLong(TraceJob::submitS).thenComparingLong(TraceJob::id);

  private Traces() {
  }

  /**
   * Loads a trace; a relative file resolves against {@code dataDir} when it is given (else
   * against the working folder). An SWF header that does not state its processors per node
   * counts one processor to a node.
   */
  public static LoadedTrace load(TraceSource source, Path dataDir) {
    return load(source, dataDir, 1);
  }

  /** Loads a trace; {@code processorsPerNode} is used where an SWF header does not state it. */
  public static LoadedTrace load(TraceSource source, Path dataDir, int processorsPerNode) {
    Path file = dataDir == null || source.file().isAbsolute() ? source.file()
        : dataDir.resolve(source.file());
    TraceWindow window = TraceWindow.ofDays(source.startDay(), source.days());
    LoadScale scale = new LoadScale(source.loadScale());
    Read read = read(source.format(), file, processorsPerNode);
    LoadedTrace loaded = replay(read, window, scale);
    LOG.info("trace {}: {} jobs replayed, {} skipped {}", loaded.description(),
        loaded.jobs().size(), loaded.skipped(), loaded.skippedByReason());
    return loaded;
  }

  /**
   * A trace as read and mapped: its jobs and skips, what it is in words, and the nodes of its
   * machine (0 where the file does not say).
   */
  record Read(MappedJobs mapped, String name, int machineNodes) {
  }

  /** Keeps the window of a read trace and scales it: the step every format shares. */
  static LoadedTrace replay(Read read, TraceWindow window, LoadScale scale) {
    List<TraceJob> kept = window.slice(read.mapped().jobs());
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("trace " + read.name() + ": no job is submitted in "
          + window.inDays() + " (start_day, days); " + span(read.mapped().jobs()));
    }
    List<TraceJob> jobs = scale.apply(kept).stream().sorted(REPLAY_ORDER).toList();
    SortedMap<String, Integer> skipped = MappedJobs.countByReason(read.mapped().skipped()
        .stream().filter(skip -> window.holds(skip.submitS())).toList());
    int machine = read.machineNodes() > 0 ? read.machineNodes()
        : read.mapped().jobs().stream().mapToInt(TraceJob::nodes).max().orElse(1);
    String description = String.format(Locale.ROOT, "%s, %d nodes, %s, load x%s", read.name(),
        machine, window.inDays(),
        BigDecimal.valueOf(scale.factor()).stripTrailingZeros().toPlainString());
    return new LoadedTrace(jobs, description, machine,
        skipped.values().stream().mapToInt(Integer::intValue).sum(), skipped);
  }

  private static String span(List<TraceJob> jobs) {
    if (jobs.isEmpty()) {
      return "the trace has no job that can be replayed";
    }
    long first = jobs.stream().mapToLong(TraceJob::submitS).min().orElseThrow();
    long last = jobs.stream().mapToLong(TraceJob::submitS).max().orElseThrow();
    return "its jobs are submitted from day " + TraceWindow.days(first) + " to day "
        + TraceWindow.days(last);
  }

  private static Read read(TraceSource.Format format, Path file, int processorsPerNode) {
    String name = String.valueOf(file.getFileName());
    switch (format) {
      case SWF -> {
        SwfTrace trace = SwfReader.read(file);
        int perNode = SwfJobs.processorsPerNode(trace.header(), processorsPerNode);
        String machine = trace.header().value("Computer").map(c -> ", " + c).orElse("")
            + trace.header().value("Installation").map(i -> ", " + i).orElse("");
        return new Read(SwfJobs.map(trace, perNode), name + " (SWF" + machine + ", " + perNode
            + (perNode == 1 ? " processor" : " processors") + " per node)", SwfJobs.machineNodes(trace.header(), perNode));
      }
      case LUMOS -> {
        return new Read(LumosJobs.map(LumosReader.read(file)), name + " (ALCF job log)", 0);
      }
      case ALIBABA -> {
        return new Read(AlibabaPods.map(AlibabaPodReader.read(file)),
            name + " (Alibaba GPU pods)", AlibabaPodReader.nodesListedBeside(file).orElse(0));
      }
      default -> throw new AssertionError(format);
    }
  }
}
