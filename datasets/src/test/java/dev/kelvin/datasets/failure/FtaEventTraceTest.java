package dev.kelvin.datasets.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FtaEventTraceTest {
  private static final String HEADER = "# event_id component_id node_id platform_id node_name"
      + " event_type event_start_time event_stop_time event_end_reason\n";

  private static ReadRows<FtaEvent> read(String rows) throws IOException {
    return FtaEventTrace.read(new BufferedReader(new StringReader(HEADER + rows)), "t.tab");
  }

  private static String row(String type, String start, String stop) {
    return "    0\t    0\t    7\t    5\tG1/site2/c1/node8\t         " + type + "\t   " + start
        + "\t   " + stop + "\t       NULL\n";
  }

  @Test
  void reads_padded_tab_separated_rows_by_header_name() throws IOException {
    ReadRows<FtaEvent> read = read(row("0", "1115811139", "1116857352")
        + row("1", "1116857352", "1116857835"));

    assertThat(read.records()).containsExactly(
        new FtaEvent(7, "G1/site2/c1/node8", false, Instant.ofEpochSecond(1115811139L),
            Instant.ofEpochSecond(1116857352L)),
        new FtaEvent(7, "G1/site2/c1/node8", true, Instant.ofEpochSecond(1116857352L),
            Instant.ofEpochSecond(1116857835L)));
    assertThat(read.bad().summary()).isEqualTo("t.tab: 2 rows, 0 bad");
  }

  @Test
  void skips_and_counts_a_few_bad_rows_by_reason() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      rows.append(row("1", "100", "200"));
    }
    rows.append(row("2", "100", "200")).append(row("0", "300", "200"))
        .append(row("1", "x", "200")).append("short\trow\n");

    ReadRows<FtaEvent> read = read(rows.toString());

    assertThat(read.records()).hasSize(300);
    assertThat(read.bad().byReason()).containsOnly(
        java.util.Map.entry("unknown event type", 1), java.util.Map.entry("stop before start", 1),
        java.util.Map.entry("not a whole number", 1), java.util.Map.entry("wrong field count", 1));
    assertThat(read.bad().summary()).startsWith("t.tab: 304 rows, 4 bad (")
        .contains("first: t.tab:302: unknown event type ('2', expected 0 (down) or 1 (up))");
  }

  @Test
  void stops_when_more_than_ten_rows_and_one_percent_are_bad() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      rows.append(row("0", "9", "1"));
    }

    assertThatThrownBy(() -> read(rows.toString()))
        .isInstanceOf(FailureDataException.class)
        .hasMessageStartingWith("t.tab: 11 rows, 11 bad (11 stop before start; first: t.tab:2:")
        .hasMessageContaining("the read stops");
  }

  @Test
  void refuses_a_file_without_its_header_or_columns() {
    assertThatThrownBy(() -> FtaEventTrace.read(new BufferedReader(new StringReader("1\t2\n")),
        "x.tab")).hasMessageContaining("x.tab:1: expected a '#' header line");
    assertThatThrownBy(() -> FtaEventTrace.read(new BufferedReader(new StringReader(
        "# node_id node_name\n")), "x.tab"))
        .hasMessageContaining("x.tab:1: no column 'event_type'");
  }

  @Test
  void reads_the_grid5000_trace_of_the_reference_data() {
    ReadRows<FtaEvent> read = FtaEventTrace.read(
        ReferenceData.file("grid5000-failures-fta/event_trace.tab.xz"));

    assertThat(read.records()).hasSize(588_463);
    assertThat(read.bad().bad()).isZero();
    assertThat(read.records().stream().filter(e -> !e.available())).hasSize(294_145);
    assertThat(read.records().stream().map(FtaEvent::nodeName).distinct()).hasSize(1_288);
  }
}
