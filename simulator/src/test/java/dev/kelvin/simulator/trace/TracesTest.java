package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.simulator.scenario.TraceSource;
import dev.kelvin.simulator.scenario.TraceSource.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracesTest {
  private static final long DAY_S = 86_400;

  private static TraceJob job(long id, long submitS, int nodes) {
    return new TraceJob(id, submitS, nodes, 600, 900, 1, 0);
  }

  /** Six jobs and two skipped records around day 1 of a made-up trace. */
  private static Traces.Read madeUp(int machineNodes) {
    return new Traces.Read(new MappedJobs(
        List.of(job(1, 10, 2), job(2, DAY_S - 1, 2), job(30, DAY_S + 1, 4), job(4, DAY_S, 8),
            job(6, DAY_S + 3_600, 1), job(5, 2 * DAY_S, 16)),
        List.of(new MappedJobs.Skipped(8, 5, MappedJobs.RUN_TIME_UNKNOWN),
            new MappedJobs.Skipped(9, DAY_S + 100, MappedJobs.CANCELLED_BEFORE_START))),
        "made-up", machineNodes);
  }

  @Test
  void a_window_keeps_the_jobs_and_skips_submitted_in_it_rebased_to_its_start() {
    LoadedTrace loaded = Traces.replay(madeUp(100),
        TraceWindow.ofDays(1, OptionalDouble.of(1)), new LoadScale(1));

    assertThat(loaded.jobs()).containsExactly(job(4, 0, 8), job(30, 1, 4), job(6, 3_600, 1));
    assertThat(loaded.skipped()).isEqualTo(1);
    assertThat(loaded.skippedByReason()).isEqualTo(Map.of(MappedJobs.CANCELLED_BEFORE_START, 1));
    assertThat(loaded.nodesOfTraceMachine()).isEqualTo(100);
    assertThat(loaded.description()).isEqualTo("made-up, 100 nodes, days 1 to 2, load x1");
  }

  @Test
  void scaling_the_load_divides_rebased_submits_rounding_down_and_sorts_ties_by_id() {
    LoadedTrace loaded = Traces.replay(madeUp(100),
        TraceWindow.ofDays(1, OptionalDouble.of(1)), new LoadScale(2));

    assertThat(loaded.jobs()).containsExactly(job(4, 0, 8), job(30, 0, 4), job(6, 1_800, 1));
    assertThat(loaded.description()).endsWith("load x2");
  }

  @Test
  void a_fractional_window_without_an_end_runs_from_its_second_to_the_traces_end() {
    LoadedTrace loaded = Traces.replay(madeUp(0),
        TraceWindow.ofDays(0.5, OptionalDouble.empty()), new LoadScale(1.5));

    assertThat(loaded.jobs()).extracting(TraceJob::id).containsExactly(2L, 4L, 30L, 6L, 5L);
    assertThat(loaded.jobs()).extracting(TraceJob::submitS)
        .containsExactly(28_799L, 28_800L, 28_800L, 31_200L, 86_400L);
    assertThat(loaded.nodesOfTraceMachine()).as("largest job where the trace does not say")
        .isEqualTo(16);
    assertThat(loaded.skippedByReason()).isEqualTo(Map.of(MappedJobs.CANCELLED_BEFORE_START, 1));
  }

  @Test
  void a_window_with_no_job_names_the_window_and_the_traces_span() {
    assertThatThrownBy(() -> Traces.replay(madeUp(100),
        TraceWindow.ofDays(10, OptionalDouble.of(0.5)), new LoadScale(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trace made-up: no job is submitted in days 10 to 10.50")
        .hasMessageContaining("its jobs are submitted from day 0.00 to day 2");
  }

  @Test
  void a_negative_start_an_empty_length_or_a_scale_that_is_not_positive_is_refused() {
    assertThatThrownBy(() -> TraceWindow.ofDays(-1, OptionalDouble.empty()))
        .hasMessageContaining("start_day must be a number of days >= 0, was -1.0");
    assertThatThrownBy(() -> TraceWindow.ofDays(0, OptionalDouble.of(0)))
        .hasMessageContaining("days must be a positive number of days");
    assertThatThrownBy(() -> new LoadScale(-2)).hasMessageContaining("must be a positive number");
  }

  @Test
  void loads_each_format_from_a_file_relative_to_the_data_folder(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("t.swf"), "; MaxNodes: 8\n; MaxProcs: 32\n"
        + "1 0 5 100 8 -1 -1 8 200 -1 1 1 1 -1 -1 -1 -1 -1\n"
        + "2 60 -1 0 4 -1 -1 4 200 -1 5 1 1 -1 -1 -1 -1 -1\n");
    Files.writeString(dir.resolve("jobs.csv"), ",job,gpu_num,cpu_num,node_num,submit_time,"
        + "wait_time,run_time,wall_time,new_status\n0,12,16,0,2,1000,5,60.4,120,Pass\n");
    Files.writeString(dir.resolve("pods.csv"), "name,cpu_milli,memory_mib,num_gpu,gpu_milli,"
        + "gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n"
        + "openb-pod-0003,1000,1024,1,250,,BE,Succeeded,70,100,80\n");

    LoadedTrace swf = Traces.load(source("t.swf", Format.SWF), dir);
    LoadedTrace lumos = Traces.load(source("jobs.csv", Format.LUMOS), dir);
    LoadedTrace pods = Traces.load(source("pods.csv", Format.ALIBABA), dir);

    assertThat(swf.jobs()).containsExactly(new TraceJob(1, 0, 2, 100, 200, 1, 0));
    assertThat(swf.skippedByReason()).isEqualTo(Map.of(MappedJobs.CANCELLED_BEFORE_START, 1));
    assertThat(swf.nodesOfTraceMachine()).isEqualTo(8);
    assertThat(swf.description()).startsWith("t.swf (SWF, 4 processors per node), 8 nodes");
    assertThat(lumos.jobs()).containsExactly(new TraceJob(12, 0, 2, 60, 120, 1, 8));
    assertThat(pods.jobs()).containsExactly(new TraceJob(3, 0, 1, 20, 20, 1, 1));
  }

  private static TraceSource source(String file, Format format) {
    return new TraceSource(Path.of(file), format, 0, OptionalDouble.empty(), 1);
  }

  /** A full year of KTH-SP2: every job but the one with no processor count, in replay order. */
  @Test
  void loads_a_year_of_the_kth_trace_sorted_by_submit_and_id() throws IOException {
    Path file = ReferenceData.swf("swf-kth-sp2-1996");

    LoadedTrace loaded = Traces.load(new TraceSource(file, Format.SWF, 0,
        OptionalDouble.of(365), 1), null);

    assertThat(loaded.jobs()).hasSize(28_475);
    assertThat(loaded.skippedByReason()).isEqualTo(Map.of(MappedJobs.PROCESSORS_UNKNOWN, 1));
    assertThat(loaded.nodesOfTraceMachine()).isEqualTo(100);
    assertThat(loaded.jobs()).isSortedAccordingTo((a, b) -> a.submitS() != b.submitS()
        ? Long.compare(a.submitS(), b.submitS()) : Long.compare(a.id(), b.id()));
    assertThat(loaded.description()).contains("IBM SP2", "100 nodes", "days 0 to 365");
  }
}
