package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlibabaPodsTest {
  private static AlibabaPod pod(String name, int numGpu, int gpuMilli, AlibabaPod.Phase phase,
      long creationS, OptionalLong deletionS, OptionalLong scheduledS) {
    return new AlibabaPod(name, 4000, 8192, numGpu, gpuMilli, "", "LS", phase, creationS,
        deletionS, scheduledS);
  }

  private static AlibabaPod ran(String name, int numGpu, int gpuMilli, long creationS,
      long scheduledS, long deletionS) {
    return pod(name, numGpu, gpuMilli, AlibabaPod.Phase.SUCCEEDED, creationS,
        OptionalLong.of(deletionS), OptionalLong.of(scheduledS));
  }

  @Test
  void a_pod_runs_from_scheduled_to_deleted_on_one_node_submitted_from_the_first_creation() {
    MappedJobs mapped = AlibabaPods.map(List.of(ran("openb-pod-0042", 2, 1000, 500, 520, 4120),
        ran("openb-pod-0007", 0, 0, 100, 100, 160)));

    assertThat(mapped.jobs()).containsExactly(new TraceJob(42, 400, 1, 3600, 3600, 1, 2),
        new TraceJob(7, 0, 1, 60, 60, 1, 0));
  }

  @ParameterizedTest
  @CsvSource({"1, 460, 1", "1, 1000, 1", "0, 0, 0", "8, 1000, 8", "2, 500, 1", "3, 500, 2",
      "1, 1, 1"})
  void a_gpu_share_rounds_up_to_whole_gpus(int numGpu, int gpuMilli, int gpus) {
    assertThat(AlibabaPods.gpusOf(ran("p", numGpu, gpuMilli, 0, 0, 1))).isEqualTo(gpus);
  }

  @Test
  void a_pod_without_a_scheduled_time_that_is_not_pending_runs_from_its_creation() {
    MappedJobs mapped = AlibabaPods.map(List.of(pod("pod-3", 1, 1000, AlibabaPod.Phase.FAILED,
        50, OptionalLong.of(80), OptionalLong.empty())));

    assertThat(mapped.jobs().get(0).runS()).isEqualTo(30);
  }

  @Test
  void pods_that_never_ran_or_have_no_end_are_skipped_by_reason() {
    MappedJobs mapped = AlibabaPods.map(List.of(
        pod("pod-1", 1, 1000, AlibabaPod.Phase.PENDING, 0, OptionalLong.of(90),
            OptionalLong.empty()),
        pod("pod-2", 1, 1000, AlibabaPod.Phase.RUNNING, 10, OptionalLong.empty(),
            OptionalLong.of(12)),
        ran("pod-3", 1, 1000, 20, 30, 25),
        ran("unnamed", 1, 1000, 40, 40, 41)));

    assertThat(mapped.jobs()).extracting(TraceJob::id).containsExactly(4L);
    assertThat(mapped.skipped()).containsExactly(
        new MappedJobs.Skipped(1, 0, MappedJobs.NEVER_SCHEDULED),
        new MappedJobs.Skipped(2, 10, MappedJobs.END_UNKNOWN),
        new MappedJobs.Skipped(3, 20, MappedJobs.ENDED_BEFORE_START));
  }

  /**
   * Facts of the pod lists (both hold the same pods; gpuspec33 adds GPU-model constraints): 897
   * Pending pods never ran; 2,573 of the pods that ran share a GPU and are rounded up to one.
   */
  @ParameterizedTest
  @CsvSource({"openb_pod_list_default.csv", "openb_pod_list_gpuspec33.csv"})
  void maps_both_pod_lists_of_the_alibaba_trace(String file) {
    List<AlibabaPod> pods = AlibabaPodReader.read(ReferenceData.file("alibaba-gpu-v2023", file));

    MappedJobs mapped = AlibabaPods.map(pods);

    assertThat(mapped.jobs()).hasSize(7255);
    assertThat(mapped.skippedByReason()).isEqualTo(Map.of(MappedJobs.NEVER_SCHEDULED, 897));
    assertThat(mapped.jobs().stream().mapToLong(TraceJob::runS).sum()).isEqualTo(210_028_342L);
    assertThat(pods.stream().filter(pod -> pod.scheduledS().isPresent()
        && pod.gpuMilli() < 1000 && pod.numGpu() > 0)).hasSize(2573);
    assertThat(mapped.jobs()).filteredOn(job -> job.id() == 1).containsExactly(
        new TraceJob(1, 427_061, 1, 12_475_899, 12_475_899, 1, 1));
    assertThat(mapped.jobs()).filteredOn(job -> job.id() == 17).containsExactly(
        new TraceJob(17, 9_437_497, 1, 1_332_357, 1_332_357, 1, 8));
    assertThat(mapped.jobs()).filteredOn(job -> job.id() == 5).containsExactly(
        new TraceJob(5, 2_759_674, 1, 10_143_284, 10_143_284, 1, 0));
  }
}
