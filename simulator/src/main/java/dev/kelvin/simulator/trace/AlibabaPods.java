package dev.kelvin.simulator.trace;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the pods of the Alibaba GPU trace into {@link TraceJob}s on GPU nodes.
 *
 * <ul>
 *   <li>One node per pod: a pod never spans nodes.
 *   <li>GPUs per node: {@code ceil(num_gpu * gpu_milli / 1000)}, so a GPU-sharing pod (a
 *       {@code gpu_milli} below 1000 of one GPU) holds one whole GPU: the simulator places and
 *       powers whole GPUs, and a shared GPU is as powered-up as a full one. A CPU pod holds 0.
 *   <li>It starts at {@code scheduled_time} (at {@code creation_time} where that is missing on a
 *       pod that is not Pending) and ends at {@code deletion_time}; run and requested time are
 *       the time between (the trace has no limit). Submitted at {@code creation_time}, counted
 *       from the earliest creation in the list.
 *   <li>Skipped and counted: a Pending pod ({@value MappedJobs#NEVER_SCHEDULED}: it never ran),
 *       a pod with no deletion time ({@value MappedJobs#END_UNKNOWN}), one deleted before it
 *       started ({@value MappedJobs#ENDED_BEFORE_START}).
 *   <li>Utilisation is 1: the trace states requests, not use. The id is the number in the pod's
 *       name ({@code openb-pod-0042}: 42), else its row among the pods, from 1.
 * </ul>
 */
public final class AlibabaPods {
  private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d{1,18})$");

  private AlibabaPods() {
  }

  /** The pods of one list, in the order given. */
  public static MappedJobs map(List<AlibabaPod> pods) {
    MappedJobs.Builder mapped = new MappedJobs.Builder();
    long firstCreationS = pods.stream().mapToLong(AlibabaPod::creationS).min().orElse(0);
    for (int i = 0; i < pods.size(); i++) {
      AlibabaPod pod = pods.get(i);
      long id = idOf(pod.name(), i + 1);
      long submitS = pod.creationS() - firstCreationS;
      String skip = skipReason(pod);
      if (skip != null) {
        mapped.skip(id, submitS, skip);
      } else {
        long runS = pod.deletionS().getAsLong() - startS(pod);
        mapped.add(new TraceJob(id, submitS, 1, runS, Math.max(1, runS), 1, gpusOf(pod)));
      }
    }
    return mapped.build();
  }

  /** The whole GPUs a pod holds on its node. */
  public static int gpusOf(AlibabaPod pod) {
    long milli = (long) pod.numGpu() * pod.gpuMilli();
    return (int) ((milli + 999) / 1000);
  }

  private static String skipReason(AlibabaPod pod) {
    if (pod.phase() == AlibabaPod.Phase.PENDING) {
      return MappedJobs.NEVER_SCHEDULED;
    }
    OptionalLong end = pod.deletionS();
    if (end.isEmpty()) {
      return MappedJobs.END_UNKNOWN;
    }
    return end.getAsLong() < startS(pod) ? MappedJobs.ENDED_BEFORE_START : null;
  }

  private static long startS(AlibabaPod pod) {
    return pod.scheduledS().orElse(pod.creationS());
  }

  private static long idOf(String name, long row) {
    Matcher number = TRAILING_NUMBER.matcher(name);
    return number.find() ? Long.parseLong(number.group(1)) : row;
  }
}
