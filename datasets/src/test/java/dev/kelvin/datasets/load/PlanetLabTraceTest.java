package dev.kelvin.datasets.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanetLabTraceTest {
  private static final Path FILE = Path.of("planetlab.csv");

  private static String header() {
    StringBuilder text = new StringBuilder("date,vm");
    for (int i = 0; i < 288; i++) {
      text.append(String.format(",t%03d", i));
    }
    return text.append('\n').toString();
  }

  private static String row(String date, String vm, int value) {
    return date + "," + vm + String.join("", Collections.nCopies(288, "," + value)) + "\n";
  }

  private static LoadFile read(String text) throws IOException {
    return PlanetLabTrace.read(new BufferedReader(new StringReader(text)), "planetlab.csv", FILE);
  }

  @Test
  void reads_every_vm_day_of_the_real_trace() {
    LoadFile file = PlanetLabTrace.read(
        ReferenceData.file("planetlab-cpu-util/planetlab_cpu_util_10days.csv.gz"));

    assertThat(file.badRows().rows()).isEqualTo(11_746);
    assertThat(file.badRows().bad()).isZero();
    List<LoadSeries> vms = file.series().stream()
        .filter(s -> s.trace().equals(PlanetLabTrace.VM_TRACE)).toList();
    List<LoadSeries> sums = file.series().stream()
        .filter(s -> s.trace().equals(PlanetLabTrace.SUM_TRACE)).toList();
    assertThat(vms.stream().mapToLong(LoadSeries::known).sum()).isEqualTo(11_746L * 288);
    assertThat(sums).hasSize(10);
    LoadSeries first = vms.stream()
        .filter(s -> s.name().equals("146-179_surfsnel_dsl_internl_net_colostate_557@2011-03-03"))
        .findFirst().orElseThrow();
    assertThat(first.value(0)).isEqualTo(24);
    assertThat(first.value(1)).isEqualTo(34);
    assertThat(first.start()).isEqualTo(Instant.parse("2011-03-03T00:00:00Z"));
    assertThat(first.step()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void joins_the_consecutive_days_of_one_vm_and_sums_each_day() throws IOException {
    LoadFile file = read(header() + row("20110411", "a", 10) + row("20110412", "a", 20)
        + row("20110420", "a", 30) + row("20110411", "b", 1));

    List<LoadSeries> vms = file.series().stream()
        .filter(s -> s.trace().equals(PlanetLabTrace.VM_TRACE)).toList();
    assertThat(vms).extracting(LoadSeries::name)
        .containsExactly("a@2011-04-11", "a@2011-04-20", "b@2011-04-11");
    assertThat(vms.get(0).length()).isEqualTo(576);
    assertThat(vms.get(0).value(287)).isEqualTo(10);
    assertThat(vms.get(0).value(288)).isEqualTo(20);
    LoadSeries firstSum = file.series().stream()
        .filter(s -> s.trace().equals(PlanetLabTrace.SUM_TRACE)).findFirst().orElseThrow();
    assertThat(firstSum.name()).isEqualTo("sum of 2 VMs@2011-04-11");
    assertThat(firstSum.value(100)).isEqualTo(11);
  }

  @Test
  void a_bad_row_is_skipped_and_counted_with_its_line() throws IOException {
    StringBuilder text = new StringBuilder(header());
    for (int i = 0; i < 150; i++) {
      text.append(row("20110303", "vm" + i, 5));
    }
    text.append(row("20110303", "bad", 5).replace(",5\n", ",101\n"));

    LoadFile file = read(text.toString());

    assertThat(file.badRows().rows()).isEqualTo(151);
    assertThat(file.badRows().byReason()).containsEntry("CPU % outside 0..100", 1);
    assertThat(file.badRows().summary()).contains("planetlab.csv:152");
    assertThat(file.series()).hasSize(151);
  }

  @Test
  void too_many_bad_rows_stop_the_read_with_the_counts_and_first_lines() {
    String text = header() + row("20110303", "a", 5) + "20110303,short,1,2\n"
        + row("2011-03-03", "c", 5);

    assertThatThrownBy(() -> read(text)).isInstanceOf(LoadDataException.class)
        .hasMessageContaining("planetlab.csv: 2 of 3 rows are bad")
        .hasMessageContaining("1 wrong number of fields (expected 290) (first at planetlab.csv:3)")
        .hasMessageContaining("date not YYYYMMDD (first at planetlab.csv:4)");
  }

  @Test
  void another_header_is_refused_as_not_the_planetlab_csv() {
    assertThatThrownBy(() -> read("name,timestamp,powerave\n"))
        .isInstanceOf(LoadDataException.class).hasMessageContaining("not the PlanetLab CSV");
  }
}
