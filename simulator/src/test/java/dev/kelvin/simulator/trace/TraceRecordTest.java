package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Figures worked out by hand for small traces written in the archive's format. */
class TraceRecordTest {
  private static final double EXACT = 1e-12;

  /** One SWF line: number, submit, wait, run, processors and status; the rest unknown. */
  private static String job(long number, long submitS, long waitS, long runS, long processors,
      long status) {
    return number + " " + submitS + " " + waitS + " " + runS + " " + processors
        + " -1 -1 " + processors + " -1 -1 " + status + " 1 1 -1 1 -1 -1 -1\n";
  }

  private static SwfTrace trace(String... lines) throws IOException {
    return SwfReader.read(new BufferedReader(new StringReader(String.join("", lines))),
        "hand.swf");
  }

  /**
   * On 4 processors: job 1 waits 0 and runs 100 s on 2 (slowdown 1), job 2 waits 90 and runs
   * 5 s on 4 (slowdown 95 / 10 = 9.5), job 3 waits 30 and runs 200 s on 1 (slowdown 230 / 200
   * = 1.15), job 4 was cancelled before it started, job 5 ran 50 s on 3 with its wait unknown.
   */
  private static SwfTrace fiveJobs() throws IOException {
    return trace(job(1, 0, 0, 100, 2, 1), job(2, 10, 90, 5, 4, 1), job(3, 20, 30, 200, 1, 0),
        job(4, 30, -1, 0, 4, 5), job(5, 50, -1, 50, 3, 1));
  }

  @Test
  void mean_wait_and_bounded_slowdown_are_over_the_jobs_whose_wait_the_trace_knows()
      throws IOException {
    TraceRecord record = TraceRecord.of(fiveJobs(), 4);

    assertThat(record.jobs()).isEqualTo(4);
    assertThat(record.jobsWithWait()).isEqualTo(3);
    assertThat(record.meanWaitS().getAsDouble()).isCloseTo(120.0 / 3, within(EXACT));
    assertThat(record.meanBoundedSlowdown().getAsDouble())
        .isCloseTo((1 + 9.5 + 1.15) / 3, within(EXACT));
  }

  @Test
  void utilisation_is_the_work_done_over_the_machine_from_first_submission_to_last_end()
      throws IOException {
    TraceRecord record = TraceRecord.of(fiveJobs(), 4);

    assertThat(record.processorSeconds()).isEqualTo(200 + 20 + 200 + 150);
    assertThat(record.firstSubmitS()).isZero();
    assertThat(record.lastEndS()).isEqualTo(250);
    assertThat(record.spanS()).isEqualTo(250);
    assertThat(record.utilisation()).isCloseTo(570.0 / (4 * 250), within(EXACT));
  }

  @Test
  void the_span_starts_at_the_first_submission_not_at_the_traces_second_zero()
      throws IOException {
    TraceRecord record = TraceRecord.of(
        trace(job(1, 100, 0, 100, 1, 1), job(2, 150, 50, 100, 2, 1)), 2);

    assertThat(record.spanS()).isEqualTo(200);
    assertThat(record.utilisation()).isCloseTo(300.0 / (2 * 200), within(EXACT));
  }

  @Test
  void a_trace_without_waits_has_no_mean_wait_and_its_jobs_end_a_run_after_submission()
      throws IOException {
    TraceRecord record = TraceRecord.of(
        trace(job(1, 0, -1, 60, 8, 1), job(2, 30, -1, 90, 8, 1)), 16);

    assertThat(record.meanWaitS()).isEmpty();
    assertThat(record.meanBoundedSlowdown()).isEmpty();
    assertThat(record.lastEndS()).isEqualTo(120);
    assertThat(record.utilisation()).isCloseTo((60.0 * 8 + 90 * 8) / (16 * 120), within(EXACT));
  }

  @Test
  void a_machine_without_processors_or_a_trace_without_a_replayable_job_is_refused()
      throws IOException {
    assertThatThrownBy(() -> TraceRecord.of(fiveJobs(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("machineProcessors must be >= 1, was 0");
    assertThatThrownBy(() -> TraceRecord.of(trace(job(1, 0, -1, 0, 4, 5)), 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hand.swf: no job that can be replayed");
  }
}
