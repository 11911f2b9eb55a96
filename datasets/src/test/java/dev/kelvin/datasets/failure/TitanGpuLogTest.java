package dev.kelvin.datasets.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TitanGpuLogTest {
  private static final String HEADER = "SN,location,insert,remove,duration,out,event\n";

  private static ReadRows<TitanPlacement> read(String rows) throws IOException {
    return TitanGpuLog.read(new BufferedReader(new StringReader(HEADER + rows)), "gc.csv");
  }

  @Test
  void reads_placements_with_and_without_an_insert_time() throws IOException {
    ReadRows<TitanPlacement> read = read(
        "0320117100219,c13-5c2s2n1,2017-04-09 21:36:19,2018-03-03 10:04:58,28301319,FALSE,DBE\n"
            + "0323712007755,c12-7c1s5n0,,2016-07-19 20:15:20,,,OTB\n"
            + "0320117100060,c11-2c1s4n1,2017-04-09 21:36:19,2019-08-01 20:07:33,72916274,"
            + "TRUE,\n");

    assertThat(read.records()).containsExactly(
        new TitanPlacement("0320117100219", "c13-5c2s2n1",
            Optional.of(Instant.parse("2017-04-09T21:36:19Z")),
            Instant.parse("2018-03-03T10:04:58Z"), false, GpuEvent.DBE),
        new TitanPlacement("0323712007755", "c12-7c1s5n0", Optional.empty(),
            Instant.parse("2016-07-19T20:15:20Z"), false, GpuEvent.OTB),
        new TitanPlacement("0320117100060", "c11-2c1s4n1",
            Optional.of(Instant.parse("2017-04-09T21:36:19Z")),
            Instant.parse("2019-08-01T20:07:33Z"), true, GpuEvent.NONE));
    assertThat(read.records().get(2).failed()).isFalse();
  }

  @Test
  void counts_a_bad_time_and_an_unknown_event_and_keeps_the_rest() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      rows.append("s").append(i).append(",c1-0c0s0n0,,2016-07-19 20:15:20,,,\n");
    }
    rows.append("s,c1-0c0s0n0,,19/07/2016,,,\n").append("s,c1-0c0s0n0,,2016-07-19 20:15:20,,,XID\n");

    ReadRows<TitanPlacement> read = read(rows.toString());

    assertThat(read.records()).hasSize(200);
    assertThat(read.bad().byReason()).containsOnly(java.util.Map.entry("bad time", 1),
        java.util.Map.entry("unknown event", 1));
  }

  @Test
  void refuses_another_table() {
    assertThatThrownBy(() -> TitanGpuLog.read(new BufferedReader(new StringReader(
        "SN,time,nlife\n")), "summary.csv"))
        .hasMessageContaining("summary.csv:1: no column 'location'");
  }

  @Test
  void reads_the_titan_placements_of_the_reference_data() {
    ReadRows<TitanPlacement> read = TitanGpuLog.read(
        ReferenceData.file("titan-gpu-reliability/gc_full.csv.gz"));

    assertThat(read.records()).hasSize(37_343);
    assertThat(read.bad().bad()).isZero();
    assertThat(read.records().stream().filter(p -> p.event() == GpuEvent.DBE)).hasSize(4_826);
    assertThat(read.records().stream().filter(p -> p.event() == GpuEvent.OTB)).hasSize(1_541);
    assertThat(read.records().stream().filter(p -> p.inserted().isEmpty())).hasSize(1_158);
  }
}
