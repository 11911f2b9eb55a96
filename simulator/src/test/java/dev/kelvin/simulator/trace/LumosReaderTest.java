package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LumosReaderTest {
  private static final String HEADER = ",job,user,project,state,gpu_num,cpu_num,node_num,"
      + "submit_time,wait_time,run_time,wall_time,node_hour,new_status\n";

  private static List<LumosJob> read(String text) throws IOException {
    return LumosReader.read(new BufferedReader(new StringReader(text)), "jobs.csv");
  }

  @Test
  void reads_a_gpu_job_and_sorts_jobs_by_submit_time() throws IOException {
    List<LumosJob> jobs = read(HEADER
        + "0,10120171,0.0,0.0,0,1.0,0,1.0,1672529437.0,6.0,3602.3,3600.0,1.0006,Failed\n"
        + "1,10120170,2.4E13,3.3E13,0,8.0,0,1.0,1672529197.0,5.0,2305.54,3600.0,0.64,Pass\n");

    assertThat(jobs).extracting(LumosJob::jobId).containsExactly("10120170", "10120171");
    LumosJob first = jobs.get(0);
    assertThat(first.submitted()).isEqualTo(Instant.ofEpochSecond(1_672_529_197L));
    assertThat(first.runSeconds()).isEqualTo(2305.54);
    assertThat(first.requestedSeconds()).isEqualTo(3600.0);
    assertThat(first.nodes()).isEqualTo(1);
    assertThat(first.gpus()).isEqualTo(8);
    assertThat(first.outcome()).isEqualTo(LumosJob.Outcome.PASS);
    assertThat(jobs.get(1).outcome()).isEqualTo(LumosJob.Outcome.FAILED);
  }

  @Test
  void a_missing_column_names_it_and_the_header() {
    assertThatThrownBy(() -> read(HEADER.replace("node_num", "nodes") + "0,1\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("jobs.csv:1: no column 'node_num'");
  }

  @Test
  void a_bad_cell_names_the_line_the_column_and_the_value() {
    assertThatThrownBy(() -> read(HEADER
        + "0,35079,1,1,0,0,8192.0,512.0,1535348017.0,102306,-5,18000.0,1.0,Pass\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("jobs.csv:2: column 'run_time' '-5' must be a number 0 or more");
  }

  @Test
  void an_unknown_outcome_is_refused_with_the_labels_it_may_have() {
    assertThatThrownBy(() -> read(HEADER
        + "0,35079,1,1,0,0,8192.0,512.0,1535348017.0,102306,5,18000.0,1.0,Timeout\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("column 'new_status' 'Timeout' is not one of Pass, Failed, Killed");
  }

  @ParameterizedTest
  @CsvSource({"data_mira.csv.gz, 22508", "data_theta.csv.gz, 14374",
      "data_thetagpu.csv.gz, 22606"})
  void reads_every_job_of_the_alcf_logs_in_the_reference_data(String file, int jobs) {
    Path path = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"))
        .resolve("lumos-alcf-jobs").resolve(file);
    assumeTrue(Files.isRegularFile(path), "reference data not present: " + path);

    List<LumosJob> read = LumosReader.read(path);

    assertThat(read).hasSize(jobs);
    assertThat(read).extracting(LumosJob::submitted).isSorted();
    assertThat(read).allSatisfy(job -> assertThat(job.nodes() + job.gpus()).isPositive());
  }
}
