package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The four Parallel Workloads Archive traces in the reference data (the {@code kelvin.data.dir}
 * setting) read whole: as many jobs as their own headers and sources state, no job larger than
 * its machine, submissions in order.
 */
class SwfArchiveTracesTest {
  private static Path traceIn(String folder) throws IOException {
    Path dir = Path.of(System.getProperty("kelvin.data.dir", "../shared/data")).resolve(folder);
    assumeTrue(Files.isDirectory(dir), "reference data not present: " + dir);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".swf.gz")).findFirst().orElseThrow();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "swf-kth-sp2-1996, 28476, 100",
      "swf-ctc-sp2-1996, 77222, 338",
      "swf-hpc2n-2002, 202871, 240",
      "swf-nasa-ipsc-1993, 18239, 128"})
  void reads_every_job_of_an_archive_trace(String folder, int jobs, long maxProcs)
      throws IOException {
    SwfTrace trace = SwfReader.read(traceIn(folder));

    assertThat(trace.jobs()).hasSize(jobs);
    assertThat(trace.header().maxProcs()).hasValue(maxProcs);
    assertThat(trace.jobs()).allSatisfy(job ->
        assertThat(job.processors().orElse(1)).isBetween(1L, maxProcs));
    assertThat(trace.jobs()).extracting(SwfJob::submitSeconds).isSorted();
  }
}
