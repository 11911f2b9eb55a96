package dev.kelvin.simulator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomWorkloadTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-a", "n02");

  @Test
  void alternates_idle_gaps_and_jobs_starting_with_a_gap() {
    List<WorkSegment> segments = take(new RandomWorkload(WorkloadSpec.demo(), 1), N01, 6);
    for (int i = 0; i < segments.size(); i++) {
      assertThat(segments.get(i)).isInstanceOf(i % 2 == 0 ? WorkSegment.Idle.class
          : WorkSegment.Job.class);
    }
  }

  @Test
  void draws_demands_and_lengths_within_the_job_classes() {
    List<WorkSegment.Job> jobs = jobs(new RandomWorkload(WorkloadSpec.demo(), 3), N01, 2000);
    assertThat(jobs).allSatisfy(job -> {
      assertThat(job.demandRatio()).isBetween(0.2, 1.0);
      assertThat(job.lengthAtFullSpeed()).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(6));
    });
    assertThat(jobs).filteredOn(job -> job.lengthAtFullSpeed().compareTo(Duration.ofMinutes(4)) > 0)
        .isNotEmpty().allSatisfy(job -> assertThat(job.demandRatio()).isGreaterThan(0.95));
    assertThat(jobs).extracting(job -> job.id().value()).doesNotHaveDuplicates()
        .contains("n01-j1", "n01-j2000");
  }

  @Test
  void makes_about_the_configured_share_of_jobs_heavy() {
    WorkloadSpec spec = new WorkloadSpec(Duration.ofSeconds(20),
        new JobClass(0.2, 0.8, Duration.ofSeconds(30), Duration.ofMinutes(4)),
        new JobClass(0.95, 1.0, Duration.ofMinutes(2), Duration.ofMinutes(6)), 0.3);
    List<WorkSegment.Job> jobs = jobs(new RandomWorkload(spec, 3), N01, 4000);
    long heavy = jobs.stream().filter(job -> job.demandRatio() >= 0.95).count();
    assertThat(heavy / 4000.0).isBetween(0.27, 0.33);
  }

  @Test
  void spaces_jobs_by_idle_gaps_averaging_the_configured_mean() {
    RandomWorkload workload = new RandomWorkload(WorkloadSpec.demo(), 4);
    double totalSeconds = 0;
    for (int i = 0; i < 4000; i++) {
      WorkSegment segment = workload.next(N01, START);
      if (segment instanceof WorkSegment.Idle idle) {
        totalSeconds += idle.length().toSeconds();
      }
    }
    assertThat(totalSeconds / 2000).isBetween(18.0, 22.0);
  }

  @Test
  void gives_each_node_the_same_stream_whatever_order_nodes_ask_in() {
    RandomWorkload alone = new RandomWorkload(WorkloadSpec.demo(), 5);
    List<WorkSegment> n02Alone = take(alone, N02, 10);
    RandomWorkload interleaved = new RandomWorkload(WorkloadSpec.demo(), 5);
    List<WorkSegment> n02Interleaved = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      interleaved.next(N01, START);
      n02Interleaved.add(interleaved.next(N02, START));
    }
    assertThat(n02Interleaved).isEqualTo(n02Alone);
  }

  @Test
  void different_seeds_and_different_nodes_get_different_streams() {
    List<WorkSegment> base = take(new RandomWorkload(WorkloadSpec.demo(), 5), N01, 10);
    assertThat(take(new RandomWorkload(WorkloadSpec.demo(), 6), N01, 10)).isNotEqualTo(base);
    assertThat(take(new RandomWorkload(WorkloadSpec.demo(), 5), N02, 10)).isNotEqualTo(base);
  }

  private static List<WorkSegment> take(Workload workload, NodeId node, int count) {
    List<WorkSegment> segments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      segments.add(workload.next(node, START));
    }
    return segments;
  }

  private static List<WorkSegment.Job> jobs(Workload workload, NodeId node, int count) {
    List<WorkSegment.Job> jobs = new ArrayList<>();
    while (jobs.size() < count) {
      if (workload.next(node, START) instanceof WorkSegment.Job job) {
        jobs.add(job);
      }
    }
    return jobs;
  }
}
