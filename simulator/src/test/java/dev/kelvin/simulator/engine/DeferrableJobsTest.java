package dev.kelvin.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DeferrableJobsTest {
  private static long marked(DeferrableJobs jobs, long count) {
    return LongStream.rangeClosed(1, count).filter(jobs::marked).count();
  }

  @Test
  void marks_no_job_by_default_and_every_job_at_a_share_of_one() {
    assertThat(marked(DeferrableJobs.none(), 10_000)).isZero();
    assertThat(marked(new DeferrableJobs(0, 7), 10_000)).isZero();
    assertThat(marked(new DeferrableJobs(1, 7), 10_000)).isEqualTo(10_000);
  }

  @Test
  void marks_about_the_share_of_jobs_asked_for() {
    // 10,000 draws at 0.3: the standard deviation of the count is about 46
    assertThat(marked(new DeferrableJobs(0.3, 7), 10_000)).isBetween(2_800L, 3_200L);
    assertThat(marked(new DeferrableJobs(0.05, 7), 10_000)).isBetween(400L, 600L);
  }

  @Test
  void marks_the_same_jobs_for_one_seed_and_other_jobs_for_another() {
    DeferrableJobs first = new DeferrableJobs(0.5, 7);
    DeferrableJobs again = new DeferrableJobs(0.5, 7);
    DeferrableJobs other = new DeferrableJobs(0.5, 8);

    assertThat(LongStream.rangeClosed(1, 1_000).allMatch(id -> first.marked(id)
        == again.marked(id))).isTrue();
    assertThat(LongStream.rangeClosed(1, 1_000).filter(id -> first.marked(id)
        != other.marked(id)).count()).isBetween(400L, 600L);
  }

  @Test
  void a_larger_share_marks_every_job_a_smaller_one_marks() {
    DeferrableJobs small = new DeferrableJobs(0.2, 7);
    DeferrableJobs large = new DeferrableJobs(0.6, 7);

    assertThat(LongStream.rangeClosed(1, 5_000).filter(small::marked)
        .allMatch(large::marked)).isTrue();
  }

  @Test
  void refuses_a_share_outside_zero_to_one() {
    assertThatThrownBy(() -> new DeferrableJobs(1.5, 7))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
    assertThatThrownBy(() -> new DeferrableJobs(Double.NaN, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
