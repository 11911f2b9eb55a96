package dev.kelvin.simulator.trace;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario's trace, ready to replay: its jobs in the window, sorted by (submit, id), submit
 * times from the window's start and scaled.
 *
 * @param jobs the jobs replayed
 * @param description the trace file, its machine, the window and the scale, in words
 * @param nodesOfTraceMachine the nodes of the machine the trace was taken on (its header or node
 *     list; the largest job's nodes where the trace does not say)
 * @param skipped the records in the window that are not replayed
 * @param skippedByReason those records by reason ({@link MappedJobs}' reasons), in alphabetical
 *     order
 */
public record LoadedTrace(List<TraceJob> jobs, String description, int nodesOfTraceMachine,
    int skipped, Map<String, Integer> skippedByReason) {
  public LoadedTrace {
    jobs = List.copyOf(jobs);
    skippedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(skippedByReason));
    if (nodesOfTraceMachine < 1) {
      throw new IllegalArgumentException("nodesOfTraceMachine must be >= 1, was "
          + nodesOfTraceMachine);
    }
    int counted = skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    if (skipped != counted) {
      throw new IllegalArgumentException("skipped " + skipped
          + " must equal the sum of skippedByReason " + skippedByReason + ", " + counted);
    }
  }
}
