package dev.kelvin.simulator.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A trace's records turned into {@link TraceJob}s, with every record that could not be replayed
 * kept as a {@link Skipped} (its id, when it was submitted and why), so that a slice of the trace
 * can count only the skips in its window. Both lists are in the trace's own order.
 */
public record MappedJobs(List<TraceJob> jobs, List<Skipped> skipped) {
  /** Reason: the trace does not know how long the job ran. */
  public static final String RUN_TIME_UNKNOWN = "run_time_unknown";
  /** Reason: the job was cancelled before it started (it never ran). */
  public static final String CANCELLED_BEFORE_START = "cancelled_before_start";
  /** Reason: the trace knows neither the processors given nor those asked for. */
  public static final String PROCESSORS_UNKNOWN = "processors_unknown";
  /** Reason: the job asked for no node at all. */
  public static final String NO_NODES = "no_nodes";
  /** Reason: the pod was never scheduled onto a node (phase Pending). */
  public static final String NEVER_SCHEDULED = "never_scheduled";
  /** Reason: the pod has no deletion time, so its end is not known. */
  public static final String END_UNKNOWN = "end_unknown";
  /** Reason: the pod's deletion time is before the time it started. */
  public static final String ENDED_BEFORE_START = "ended_before_start";

  /** One record of a trace that is not replayed, and why ({@link MappedJobs}' reasons). */
  public record Skipped(long id, long submitS, String reason) {
  }

  public MappedJobs {
    jobs = List.copyOf(jobs);
    skipped = List.copyOf(skipped);
  }

  /** The skipped records counted by reason, reasons in alphabetical order. */
  public SortedMap<String, Integer> skippedByReason() {
    return countByReason(skipped);
  }

  static SortedMap<String, Integer> countByReason(List<Skipped> skipped) {
    SortedMap<String, Integer> counts = new TreeMap<>();
    skipped.forEach(skip -> counts.merge(skip.reason(), 1, Integer::sum));
    return Collections.unmodifiableSortedMap(counts);
  }

  /** Collects the jobs and the skips of one mapping, in the trace's order. */
  static final class Builder {
    private final List<TraceJob> jobs = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    void add(TraceJob job) {
      jobs.add(job);
    }

    void skip(long id, long submitS, String reason) {
      skipped.add(new Skipped(id, submitS, reason));
    }

    MappedJobs build() {
      return new MappedJobs(jobs, skipped);
    }
  }
}
