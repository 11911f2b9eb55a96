package dev.kelvin.datasets.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SwfArrivalsTest {
  private static final String HEADER = "; Version: 2.2\n; UnixStartTime: 1000000000\n"
      + "; TimeZoneString: Europe/Stockholm\n; MaxNodes: 100\n; MaxProcs: 200\n";

  /** A record: number, submit, run, allocated processors, requested processors and time. */
  private static String job(int number, long submit, long run, long allocated, long requested,
      long requestedTime) {
    return number + " " + submit + " 0 " + run + " " + allocated + " -1 -1 " + requested + " "
        + requestedTime + " -1 1 1 1 1 1 1 -1 -1\n";
  }

  private static LoadFile read(String text) throws IOException {
    return SwfArrivals.read(new BufferedReader(new StringReader(text)), "t.swf",
        Path.of("KTH-test.swf.gz"));
  }

  @Test
  void sums_the_node_seconds_asked_for_in_each_five_minute_interval() throws IOException {
    LoadFile file = read(HEADER
        + job(1, 0, 50, 4, 4, 600)        // 4 procs = 2 nodes x 600 s = 1200 node-s
        + job(2, 299, 10, -1, 8, 100)     // requested 8 procs = 4 nodes x 100 s = 400
        + job(3, 300, 30, 2, 2, -1)       // no request: run time, 1 node x 30 s = 30
        + job(4, 1250, 30, -1, -1, 100)); // size unknown: skipped

    LoadSeries series = file.series().get(0);
    assertThat(series.trace()).isEqualTo("swf/KTH-test");
    assertThat(series.toArray()).containsExactly(1600, 30, 0, 0, 0);
    assertThat(series.start()).isEqualTo(Instant.ofEpochSecond(1_000_000_000L));
    assertThat(series.zone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    assertThat(file.skipped()).containsEntry("processors unknown", 1);
    assertThat(file.badRows().bad()).isZero();
  }

  @Test
  void a_malformed_record_among_few_stops_the_read_naming_the_line() {
    assertThatThrownBy(() -> read(HEADER + job(1, 0, 50, 4, 4, 600) + "2 x 0\n"))
        .isInstanceOf(LoadDataException.class)
        .hasMessageContaining("wrong number of fields (expected 18) (first at t.swf:7)");
  }

  @Test
  void reads_the_arrivals_of_the_real_kth_log() {
    LoadFile file = SwfArrivals.read(
        ReferenceData.file("swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz"));

    assertThat(file.badRows().rows()).isEqualTo(28_476);
    assertThat(file.badRows().bad()).isZero();
    LoadSeries demand = file.series().get(0);
    assertThat(demand.start()).isEqualTo(Instant.ofEpochSecond(843_480_031L));
    assertThat(demand.length()).isGreaterThan(300 * 288);
    assertThat(demand.known()).isEqualTo(demand.length());
  }
}
