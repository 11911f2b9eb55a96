package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LumosJobsTest {
  private static final Instant T0 = Instant.ofEpochSecond(1_672_529_197L);

  private static LumosJob job(String id, long afterS, double runS, double wallS, long nodes,
      long gpus) {
    return new LumosJob(id, T0.plusSeconds(afterS), 5, runS, wallS, nodes, nodes * 64, gpus,
        LumosJob.Outcome.PASS);
  }

  @Test
  void maps_nodes_gpus_per_node_rounded_times_and_submits_from_the_first_job() {
    MappedJobs mapped = LumosJobs.map(List.of(job("10120170", 0, 2305.54, 3600, 2, 16),
        job("10120171", 240, 3602.5, 0.2, 3, 4)));

    assertThat(mapped.jobs()).containsExactly(
        new TraceJob(10_120_170, 0, 2, 2306, 3600, 1, 8),
        new TraceJob(10_120_171, 240, 3, 3603, 1, 1, 2));
    assertThat(mapped.skipped()).isEmpty();
  }

  @Test
  void a_job_with_no_node_is_skipped_and_an_id_that_is_not_a_number_is_its_place() {
    MappedJobs mapped = LumosJobs.map(List.of(job("a.1", 0, 60, 60, 1, 0),
        job("b.2", 10, 60, 60, 0, 0)));

    assertThat(mapped.jobs()).extracting(TraceJob::id).containsExactly(1L);
    assertThat(mapped.skipped()).containsExactly(new MappedJobs.Skipped(2, 10,
        MappedJobs.NO_NODES));
  }

  /**
   * Facts of the ALCF logs: every job kept; ThetaGPU logs as many GPUs as nodes for every job,
   * so each job holds one GPU per node.
   */
  @ParameterizedTest
  @CsvSource({"data_mira.csv.gz, 22508, 49152, 0", "data_theta.csv.gz, 14374, 4392, 0",
      "data_thetagpu.csv.gz, 22606, 21, 1"})
  void maps_every_job_of_the_alcf_logs(String file, int jobs, int largestJobNodes,
      int gpusPerNode) {
    List<LumosJob> log = LumosReader.read(ReferenceData.file("lumos-alcf-jobs", file));

    MappedJobs mapped = LumosJobs.map(log);

    assertThat(mapped.jobs()).hasSize(jobs);
    assertThat(mapped.skippedByReason()).isEqualTo(Map.of());
    assertThat(mapped.jobs().get(0).submitS()).isZero();
    assertThat(mapped.jobs()).extracting(TraceJob::nodes).contains(largestJobNodes)
        .allSatisfy(nodes -> assertThat(nodes).isBetween(1, largestJobNodes));
    assertThat(mapped.jobs()).extracting(TraceJob::gpusPerNode).containsOnly(gpusPerNode);
  }
}
