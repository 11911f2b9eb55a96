package dev.kelvin.simulator.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the ALCF job logs (as {@link LumosReader} reads them) into {@link TraceJob}s: nodes as
 * logged; GPUs per node = {@code ceil(gpu_num / node_num)} (0 on Mira and Theta); run and
 * requested times ({@code run_time}, {@code wall_time}) rounded to the nearest second, the
 * request at least 1 s; submit times in seconds from the first job's submission; the scheduler's
 * job id as the id (the row's place in submission order, from 1, where the id is not a number).
 * Cores are not carried: every job holds its nodes whole, and the logs do not say how busy the
 * cores were, so utilisation is 1. A job logged with no node is skipped
 * ({@value MappedJobs#NO_NODES}).
 */
public final class LumosJobs {
  private LumosJobs() {
  }

  /** The jobs of one log, in the order given (the reader's: by submit time). */
  public static MappedJobs map(List<LumosJob> log) {
    MappedJobs.Builder mapped = new MappedJobs.Builder();
    if (log.isEmpty()) {
      return mapped.build();
    }
    Instant first = log.stream().map(LumosJob::submitted).min(Comparator.naturalOrder())
        .orElseThrow();
    for (int i = 0; i < log.size(); i++) {
      LumosJob job = log.get(i);
      long id = idOf(job.jobId(), i + 1);
      long submitS = Duration.between(first, job.submitted()).toSeconds();
      if (job.nodes() < 1) {
        mapped.skip(id, submitS, MappedJobs.NO_NODES);
      } else {
        mapped.add(traceJob(job, id, submitS));
      }
    }
    return mapped.build();
  }

  private static TraceJob traceJob(LumosJob job, long id, long submitS) {
    int nodes = Math.toIntExact(job.nodes());
    int gpusPerNode = Math.toIntExact(-Math.floorDiv(-job.gpus(), job.nodes()));
    long runS = Math.round(job.runSeconds());
    long requestedS = Math.max(1, Math.round(job.requestedSeconds()));
    return new TraceJob(id, submitS, nodes, runS, requestedS, 1, gpusPerNode);
  }

  private static long idOf(String jobId, long place) {
    try {
      return Long.parseLong(jobId);
    } catch (NumberFormatException e) {
      return place;
    }
  }
}
