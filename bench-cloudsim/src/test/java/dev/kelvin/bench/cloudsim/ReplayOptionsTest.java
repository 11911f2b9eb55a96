package dev.kelvin.bench.cloudsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay's flags: read whole, or refused by name. */
class ReplayOptionsTest {
  @TempDir Path work;
  private String trace;

  @BeforeEach
  void trace() throws IOException {
    trace = Files.writeString(work.resolve("t.swf"), "").toString();
  }

  @Test
  void reads_every_flag() {
    ReplayOptions options = ReplayOptions.parse("--trace", trace, "--hosts", "1000",
        "--sample-every", "300", "--jobs-limit", "20", "--watts", "1,2,3,4,5,6,7,8,9,10,11");

    assertThat(options.hosts()).isEqualTo(1000);
    assertThat(options.sampleEveryS()).isEqualTo(300);
    assertThat(options.jobsLimit()).isEqualTo(20);
    assertThat(options.wattsCurve()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void defaults_to_every_job_and_the_ibm_x3550_curve() {
    ReplayOptions options = ReplayOptions.parse("--trace", trace, "--hosts", "4",
        "--sample-every", "0");

    assertThat(options.jobsLimit()).isZero();
    assertThat(options.wattsCurve()).startsWith(58.4).endsWith(222);
  }

  @Test
  void refuses_a_missing_required_flag() {
    assertThatThrownBy(() -> ReplayOptions.parse("--trace", trace, "--hosts", "4"))
        .hasMessageContaining("--sample-every");
  }

  @Test
  void refuses_a_negative_sampling_interval_by_name() {
    assertThatThrownBy(() -> ReplayOptions.parse("--trace", trace, "--hosts", "4",
        "--sample-every", "-60"))
        .hasMessageContaining("--sample-every must be >= 0 s");
  }

  @Test
  void refuses_a_curve_without_eleven_points() {
    assertThatThrownBy(() -> ReplayOptions.parse("--trace", trace, "--hosts", "4",
        "--sample-every", "0", "--watts", "50,200"))
        .hasMessageContaining("--watts needs 11 values");
  }

  @Test
  void refuses_a_trace_that_is_not_there() {
    assertThatThrownBy(() -> ReplayOptions.parse("--trace", work.resolve("none").toString(),
        "--hosts", "4", "--sample-every", "0"))
        .hasMessageContaining("is not a readable file");
  }

  @Test
  void refuses_an_unknown_flag() {
    assertThatThrownBy(() -> ReplayOptions.parse("--trace", trace, "--nodes", "4"))
        .hasMessageContaining("unknown flag --nodes");
  }
}
