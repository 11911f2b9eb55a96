package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwfJobsTest {
  private static SwfTrace trace(String text) throws IOException {
    return SwfReader.read(new BufferedReader(new StringReader(text)), "t.swf");
  }

  /** One record: number, submit, wait, run, allocated, average CPU, requested time, status. */
  private static String job(long number, long submit, long wait, long run, long procs,
      double cpu, long requested, long status) {
    return number + " " + submit + " " + wait + " " + run + " " + procs + " " + cpu + " -1 "
        + procs + " " + requested + " -1 " + status + " 1 1 -1 -1 -1 -1 -1\n";
  }

  @Test
  void processors_become_whole_nodes_by_the_headers_processors_per_node() throws IOException {
    SwfTrace trace = trace("; MaxNodes: 120\n; MaxProcs: 240\n"
        + job(7, 30, 5, 100, 3, 50, 600, 1) + job(8, 40, 5, 100, 4, 50, 600, 1));

    int perNode = SwfJobs.processorsPerNode(trace.header(), 1);
    MappedJobs mapped = SwfJobs.map(trace, perNode);

    assertThat(perNode).isEqualTo(2);
    assertThat(SwfJobs.machineNodes(trace.header(), perNode)).isEqualTo(120);
    assertThat(mapped.jobs()).extracting(TraceJob::nodes).containsExactly(2, 2);
    assertThat(mapped.jobs().get(0)).isEqualTo(new TraceJob(7, 30, 2, 100, 600, 0.5, 0));
  }

  @Test
  void without_both_header_counts_the_callers_processors_per_node_is_used() throws IOException {
    SwfTrace trace = trace("; MaxProcs: 256\n" + job(1, 0, 0, 10, 9, -1, 60, 1));

    int perNode = SwfJobs.processorsPerNode(trace.header(), 4);

    assertThat(perNode).isEqualTo(4);
    assertThat(SwfJobs.machineNodes(trace.header(), perNode)).isEqualTo(64);
    assertThat(SwfJobs.map(trace, perNode).jobs().get(0).nodes()).isEqualTo(3);
  }

  @Test
  void jobs_that_never_ran_or_have_no_run_time_or_no_processors_are_skipped_by_reason()
      throws IOException {
    MappedJobs mapped = SwfJobs.map(trace(
        job(1, 0, 10, 0, 4, -1, 60, 5)        // cancelled, ran 0 s
        + job(2, 5, -1, 0, 4, -1, 60, 0)      // never started
        + job(3, 6, 10, -1, 4, -1, 60, 1)     // run time not known
        + job(4, 7, 10, 30, -1, -1, 60, 1)    // no processors at all
        + job(5, 8, 10, 900, 4, -1, 60, 5)    // cancelled after it ran 900 s: kept
        + job(6, 9, 10, 0, 4, -1, 60, 0)),    // failed at once after waiting: kept
        1);

    assertThat(mapped.jobs()).extracting(TraceJob::id).containsExactly(5L, 6L);
    assertThat(mapped.skipped()).extracting(MappedJobs.Skipped::id).containsExactly(1L, 2L, 3L,
        4L);
    assertThat(mapped.skippedByReason()).containsExactly(
        Map.entry(MappedJobs.CANCELLED_BEFORE_START, 2),
        Map.entry(MappedJobs.PROCESSORS_UNKNOWN, 1),
        Map.entry(MappedJobs.RUN_TIME_UNKNOWN, 1));
  }

  @Test
  void a_missing_request_is_the_run_time_and_never_below_one_second() throws IOException {
    MappedJobs mapped = SwfJobs.map(trace(job(1, 0, 3, 750, 1, -1, -1, 1)
        + job(2, 0, 3, 0, 1, -1, -1, 0)), 1);

    assertThat(mapped.jobs()).extracting(TraceJob::requestedS).containsExactly(750L, 1L);
  }

  @Test
  void utilisation_is_cpu_time_over_run_time_clamped_and_one_when_not_known()
      throws IOException {
    MappedJobs mapped = SwfJobs.map(trace(job(1, 0, 0, 400, 1, 100, 600, 1)
        + job(2, 0, 0, 400, 1, 401.5, 600, 1) + job(3, 0, 0, 400, 1, -1, 600, 1)
        + job(4, 0, 0, 400, 1, 0, 600, 1)), 1);

    assertThat(mapped.jobs().get(0).utilRatio()).isCloseTo(0.25, within(1e-12));
    assertThat(mapped.jobs()).extracting(TraceJob::utilRatio).containsExactly(0.25, 1.0, 1.0,
        1.0);
  }

  /**
   * Facts of the four archive traces: each header states MaxProcs = MaxNodes (one processor per
   * node); KTH has one job with no processor count, NASA 173 jobs that ran 0 s with no wait
   * time known (NASA logs no wait times at all).
   */
  @ParameterizedTest
  @CsvSource({
      "swf-kth-sp2-1996,   100, 28475, 'processors_unknown=1'",
      "swf-ctc-sp2-1996,   338, 77222, ''",
      "swf-hpc2n-2002,     240, 202871, ''",
      "swf-nasa-ipsc-1993, 128, 18066, 'cancelled_before_start=173'"})
  void each_archive_trace_maps_with_its_node_count_and_skips(String folder, int machineNodes,
      int kept, String skipped) throws IOException {
    SwfTrace trace = SwfReader.read(ReferenceData.swf(folder));

    int perNode = SwfJobs.processorsPerNode(trace.header(), 1);
    MappedJobs mapped = SwfJobs.map(trace, perNode);

    assertThat(perNode).isEqualTo(1);
    assertThat(SwfJobs.machineNodes(trace.header(), perNode)).isEqualTo(machineNodes);
    assertThat(mapped.jobs()).hasSize(kept);
    assertThat(mapped.jobs().size() + mapped.skipped().size()).isEqualTo(trace.jobs().size());
    assertThat(String.join(",", mapped.skippedByReason().entrySet().stream()
        .map(String::valueOf).toList())).isEqualTo(skipped);
    assertThat(mapped.jobs()).allSatisfy(job -> assertThat(job.nodes()).isLessThanOrEqualTo(
        machineNodes));
  }
}
