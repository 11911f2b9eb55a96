package dev.kelvin.bench.cloudsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying traces in CloudSim Plus: every cloudlet runs, and the energy adds up. */
class CloudSimReplayTest {
  private static final double IDLE_W = 58.4;
  private static final double FULL_W = 222;
  private static final double JOULES_PER_KWH = 3.6e6;

  @TempDir Path work;

  /**
   * Two hosts; job 1 (one processor, 100 s) and job 2 (two processors, 50 s) both at second 0.
   * Round robin puts job 1 and job 2's second cloudlet on the first VM, so that cloudlet waits
   * there until second 100 while the other host idles: 150 s in all, 200 busy PE-seconds and
   * 100 idle host-seconds.
   */
  @Test
  void a_cloudlet_waits_for_its_busy_vm_and_the_exact_energy_counts_busy_and_idle_seconds()
      throws IOException {
    Path trace = work.resolve("two.swf");
    Files.writeString(trace, """
        ; MaxProcs: 2
        1 0 0 100 1 -1 -1 1 100 -1 1 1 1 -1 -1 -1 -1 -1
        2 0 0 50 2 -1 -1 2 50 -1 1 1 1 -1 -1 -1 -1 -1
        """);

    ReplayFigures figures = new CloudSimReplay(ReplayOptions.parse("--trace", trace.toString(),
        "--hosts", "2", "--sample-every", "0")).run();

    assertThat(figures.cloudlets()).isEqualTo(3);
    assertThat(figures.finished()).isEqualTo(3);
    assertThat(figures.makespanS()).isCloseTo(150, within(0.5));
    assertThat(figures.energyKwh())
        .isCloseTo((200 * FULL_W + 100 * IDLE_W) / JOULES_PER_KWH, within(1e-4));
  }

  @Test
  void leaves_out_jobs_whose_run_time_the_trace_does_not_know() throws IOException {
    Path trace = work.resolve("unknown.swf");
    Files.writeString(trace, """
        1 0 0 -1 1 -1 -1 1 100 -1 0 1 1 -1 -1 -1 -1 -1
        2 5 0 10 1 -1 -1 1 100 -1 1 1 1 -1 -1 -1 -1 -1
        """);

    ReplayFigures figures = new CloudSimReplay(ReplayOptions.parse("--trace", trace.toString(),
        "--hosts", "1", "--sample-every", "0")).run();

    assertThat(figures.skippedJobs()).isEqualTo(1);
    assertThat(figures.cloudlets()).isEqualTo(1);
    assertThat(figures.finished()).isEqualTo(1);
  }

  @Test
  void twenty_jobs_of_kth_sp2_all_finish_and_sampled_energy_agrees_with_the_exact_one() {
    Path trace = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"),
        "swf-kth-sp2-1996", "KTH-SP2-1996-2.1-cln.swf.gz");
    assumeTrue(Files.isReadable(trace), "reference data not present: " + trace);

    ReplayFigures exact = replay(trace, 0);
    ReplayFigures sampled = replay(trace, 60);

    assertThat(exact.cloudlets()).isPositive();
    assertThat(exact.finished()).isEqualTo(exact.cloudlets());
    assertThat(sampled.finished()).isEqualTo(sampled.cloudlets());
    assertThat(exact.energyKwh()).isPositive();
    assertThat(sampled.energyKwh()).isCloseTo(exact.energyKwh(),
        within(exact.energyKwh() * 0.02));
  }

  private static ReplayFigures replay(Path trace, long sampleEveryS) {
    return new CloudSimReplay(ReplayOptions.parse("--trace", trace.toString(), "--hosts", "100",
        "--sample-every", Long.toString(sampleEveryS), "--jobs-limit", "20")).run();
  }
}
