package dev.kelvin.datasets.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LanlFailureLogTest {
  private static final String HEADER = "System,machine type,nodes,procstot,procsinnode,nodenum,"
      + "nodenumz,node install,node prod,node decom,fru type,mem,cputype,memtype,num intercon,"
      + "purpose,Prob Started,Prob Fixed,Down Time,Facilities,Hardware,Human Error,Network,"
      + "Undetermined,Software,Same Event";

  private static List<LanlFailure> read(String... rows) throws IOException {
    return LanlFailureLog.read(new BufferedReader(new StringReader(
        HEADER + "\n" + String.join("\n", rows) + "\n")), "test.csv");
  }

  @Test
  void reads_a_record_with_a_quoted_cause_and_a_blank_node() throws IOException {
    List<LanlFailure> log = read(
        "2,cluster,49,6152,128,1,1,Nov-96,Jan-97,5-Nov,part,32,1,1,12,compute,4/19/2001 3:27,"
            + "4/19/2001 3:48,21,,,,,,\"MPI, PVM, Array services\",No",
        "17,,,,,,,,,,,,,,,,5/15/1997 13:30,5/16/1997 8:20,1130,,,,Network,,,Yes");

    assertThat(log.get(0)).isEqualTo(new LanlFailure(2, OptionalInt.of(1),
        Instant.parse("2001-04-19T03:27:00Z"), 21, RootCause.SOFTWARE, "MPI, PVM, Array services",
        false, OptionalInt.of(49), "compute"));
    assertThat(log.get(1)).isEqualTo(new LanlFailure(17, OptionalInt.empty(),
        Instant.parse("1997-05-15T13:30:00Z"), 1130, RootCause.NETWORK, "Network", true,
        OptionalInt.empty(), ""));
  }

  @Test
  void refuses_a_bad_start_time_naming_line_column_and_value() {
    assertThatThrownBy(() -> read(
        "2,cluster,49,6152,128,1,1,Nov-96,Jan-97,5-Nov,part,32,1,1,12,compute,4/19/2001 3:27,"
            + "x,21,,CPU,,,,,No",
        "2,cluster,49,6152,128,1,1,Nov-96,Jan-97,5-Nov,part,32,1,1,12,compute,19/4/2001 3:27,"
            + "x,21,,CPU,,,,,No"))
        .isInstanceOf(FailureDataException.class)
        .hasMessage("test.csv:3: column 17 'Prob Started' is '19/4/2001 3:27', expected a time"
            + " as m/d/yyyy h:mm (24-hour clock)");
  }

  @Test
  void refuses_a_negative_downtime_and_a_short_row() {
    assertThatThrownBy(() -> read("2,cluster,49,6152,128,1,1,Nov-96,Jan-97,5-Nov,part,32,1,1,"
        + "12,compute,4/19/2001 3:27,x,-5,,CPU,,,,,No"))
        .hasMessage("test.csv:2: column 19 'Down Time' is '-5', expected a whole number of at"
            + " least 0");
    assertThatThrownBy(() -> read("2,cluster,49,6152,128,1,1"))
        .hasMessageStartingWith("test.csv:2: 7 fields, the header has 26");
  }

  @Test
  void refuses_a_file_without_the_columns_it_needs() {
    assertThatThrownBy(() -> LanlFailureLog.read(new BufferedReader(new StringReader(
        "System,nodes\n")), "other.csv"))
        .isInstanceOf(FailureDataException.class)
        .hasMessageContaining("other.csv:1: no column");
  }

  @Test
  void reads_every_record_of_the_lanl_log() {
    List<LanlFailure> log = LanlData.log();

    assertThat(log).hasSize(23_739);
    assertThat(log.stream().map(LanlFailure::system).distinct()).hasSize(23);
    assertThat(log.stream().filter(f -> f.cause() == RootCause.HARDWARE)).hasSize(14_341);
    assertThat(log.stream().filter(f -> f.cause() == RootCause.SOFTWARE)).hasSize(5_361);
    assertThat(log.get(12_905)).isEqualTo(new LanlFailure(18, OptionalInt.of(0),
        Instant.parse("2002-06-07T16:00:00Z"), 3360, RootCause.SOFTWARE, "Other Software", false,
        OptionalInt.of(1024), "compute"));
  }
}
