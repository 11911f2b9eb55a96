package dev.kelvin.simulator.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kelvin.simulator.trace.SwfJob;
import dev.kelvin.simulator.trace.SwfReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KTH IBM SP2 trace (Parallel Workloads Archive, 28,476 jobs, 100 nodes, Sep 1996 to Aug
 * 1997) from the reference data (the {@code kelvin.data.dir} setting) replayed whole through
 * both schedulers: on its own 100 nodes, on 1,000 nodes as it is (a site that is seldom full)
 * and on 1,000 nodes with every job ten times as wide (as busy as the original). Every job
 * starts, and backfilling waits less on average than FCFS. Logs the time spent in the scheduler.
 */
class BatchSchedulerKthTraceTest {
  private static final Logger log = LoggerFactory.getLogger(BatchSchedulerKthTraceTest.class);

  @ParameterizedTest
  @CsvSource({"100, 1", "1000, 1", "1000, 10"})
  void replays_the_whole_kth_trace_and_backfilling_waits_less_than_fcfs(int nodes, int widthFactor)
      throws IOException {
    List<TraceReplay.Job> jobs = kthJobs(widthFactor);

    TraceReplay.Outcome fcfs = TraceReplay.replay(new FcfsScheduler(), jobs, nodes);
    TraceReplay.Outcome easy = TraceReplay.replay(new EasyBackfillScheduler(), jobs, nodes);

    log.info("KTH-SP2 x{} wide on {} nodes, {} jobs: FCFS mean wait {} s, {} calls, {} ms in the"
        + " scheduler; EASY mean wait {} s, {} calls, {} ms", widthFactor, nodes, jobs.size(),
        Math.round(fcfs.meanWaitS()), fcfs.calls(), fcfs.schedulerNanos() / 1_000_000,
        Math.round(easy.meanWaitS()), easy.calls(), easy.schedulerNanos() / 1_000_000);
    assertThat(fcfs.started()).isEqualTo(jobs.size());
    assertThat(easy.started()).isEqualTo(jobs.size());
    assertThat(easy.meanWaitS()).isLessThanOrEqualTo(fcfs.meanWaitS());
    if (nodes == 100 * widthFactor) {
      assertThat(easy.meanWaitS()).isLessThan(fcfs.meanWaitS() / 2);
    }
  }

  /**
   * The trace's jobs {@code widthFactor} times as wide, ids renumbered by row, runs and limits of
   * at least 1 s.
   */
  private static List<TraceReplay.Job> kthJobs(int widthFactor) throws IOException {
    Path dir = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"))
        .resolve("swf-kth-sp2-1996");
    assumeTrue(Files.isDirectory(dir), "reference data not present: " + dir);
    Path file;
    try (Stream<Path> files = Files.list(dir)) {
      file = files.filter(path -> path.toString().endsWith(".swf.gz")).findFirst().orElseThrow();
    }
    List<TraceReplay.Job> jobs = new ArrayList<>();
    for (SwfJob swf : SwfReader.read(file).jobs()) {
      long runS = Math.max(1, swf.knownRunSeconds().orElse(1));
      long requestedS = Math.max(1, swf.knownRequestedSeconds().orElse(runS));
      int processors = (int) swf.processors().orElse(1) * widthFactor;
      jobs.add(new TraceReplay.Job(
          new QueuedJob(jobs.size(), processors, requestedS, swf.submitSeconds()), runS));
    }
    return jobs;
  }
}
