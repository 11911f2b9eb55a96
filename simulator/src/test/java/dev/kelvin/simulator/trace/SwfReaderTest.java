package dev.kelvin.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SwfReaderTest {
  private static final String HEADER = """
      ; Version: 2.2
      ; UnixStartTime: 1027839845
      ; MaxNodes: 338 (batch partition; 512 total)
      ; MaxProcs: 240
      ;
      """;
  private static final String JOB_11 =
      "   11   342072     32  43306   32  43307    -1   32  43200    -1  1   4   1  -1 -1  1 -1 -1";
  private static final String JOB_12 =
      "   12   342343      5    553   40 552.21    -1   40  43200    -1  1   4   1  -1 -1  1 -1 -1";

  private static SwfTrace read(String text) throws IOException {
    return SwfReader.read(new BufferedReader(new StringReader(text)), "trace.swf");
  }

  @Test
  void reads_all_eighteen_fields_of_a_job_in_the_archives_order() throws IOException {
    SwfJob job = read(HEADER + JOB_12 + "\n").jobs().get(0);

    assertThat(job.jobNumber()).isEqualTo(12);
    assertThat(job.submitSeconds()).isEqualTo(342_343);
    assertThat(job.waitSeconds()).isEqualTo(5);
    assertThat(job.runSeconds()).isEqualTo(553);
    assertThat(job.allocatedProcessors()).isEqualTo(40);
    assertThat(job.averageCpuSeconds()).isEqualTo(552.21);
    assertThat(job.requestedSeconds()).isEqualTo(43_200);
    assertThat(job.status()).isEqualTo(SwfJob.COMPLETED);
    assertThat(job.userId()).isEqualTo(4);
    assertThat(job.groupId()).isEqualTo(1);
    assertThat(job.partition()).isEqualTo(1);
    assertThat(job.thinkSeconds()).isEqualTo(SwfJob.MISSING);
  }

  @Test
  void reads_the_header_labels_and_the_leading_number_of_a_value_with_a_remark()
      throws IOException {
    SwfHeader header = read(HEADER + JOB_11 + "\n").header();

    assertThat(header.maxNodes()).hasValue(338);
    assertThat(header.maxProcs()).hasValue(240);
    assertThat(header.unixStartTime()).hasValue(1_027_839_845L);
    assertThat(header.value("version")).hasValue("2.2");
  }

  @Test
  void minus_one_means_not_known_and_processors_fall_back_to_the_request() throws IOException {
    SwfJob job = read("1 0 -1 -1 -1 -1 -1 64 -1 -1 -1 1 1 -1 -1 -1 -1 -1\n").jobs().get(0);

    assertThat(job.knownRunSeconds()).isEmpty();
    assertThat(job.knownRequestedSeconds()).isEmpty();
    assertThat(job.processors()).hasValue(64);
  }

  @Test
  void skips_blank_lines_and_comments_between_jobs_and_keeps_file_order() throws IOException {
    SwfTrace trace = read(HEADER + JOB_12 + "\n\n; a remark: not a header once jobs began\n"
        + JOB_11 + "\n");

    assertThat(trace.jobs()).extracting(SwfJob::jobNumber).containsExactly(12L, 11L);
    assertThat(trace.header().value("a remark")).isEmpty();
  }

  @Test
  void a_short_record_names_the_line_and_the_field_count() {
    assertThatThrownBy(() -> read(HEADER + JOB_11 + "\n" + "13 342400 5 553 40\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("trace.swf:7")
        .hasMessageContaining("5 fields, a record has 18");
  }

  @Test
  void a_field_that_is_not_a_number_names_the_line_the_field_and_the_value() {
    assertThatThrownBy(() -> read(JOB_11.replace("43306", "4330x") + "\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("trace.swf:1: field 4 (run time (s)) '4330x' is not a number");
  }

  @Test
  void a_negative_value_other_than_minus_one_is_refused() {
    assertThatThrownBy(() -> read(JOB_11.replace("  32  43307", "  -5  43307") + "\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("field 5 (allocated processors) '-5'")
        .hasMessageContaining("-1 for not known");
  }

  @Test
  void a_fraction_in_a_whole_number_field_is_refused() {
    assertThatThrownBy(() -> read(JOB_11.replace("43200", "43200.5") + "\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("field 9 (requested time (s))")
        .hasMessageContaining("whole number");
  }

  @Test
  void a_job_without_a_submit_time_is_refused() {
    assertThatThrownBy(() -> read(JOB_11.replace("342072", "-1") + "\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("field 2 (submit time (s))")
        .hasMessageContaining("cannot be replayed");
  }
}
