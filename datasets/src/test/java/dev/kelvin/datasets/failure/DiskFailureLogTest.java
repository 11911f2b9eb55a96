package dev.kelvin.datasets.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiskFailureLogTest {
  private static ReadRows<DiskFailure> read(String text) throws IOException {
    return DiskFailureLog.read(new BufferedReader(new StringReader(text)), "d.csv");
  }

  @Test
  void reads_an_alpine_row_with_its_utc_offset() throws IOException {
    ReadRows<DiskFailure> read = read(",Timestamp,SSC,SSU,Enclosure,Slot,Seagate slot,Rack unit,"
        + "Unique enclosure,Rack id,slot bin hor,slot bin ver\n"
        + "0,2019-01-04T14:41:12-0500,2,g,1,29,28,1,1,8,7,3\n");

    assertThat(read.records()).containsExactly(new DiskFailure("alpine", "2/g/1", "29",
        Instant.parse("2019-01-04T19:41:12Z"), "replacement"));
  }

  @Test
  void reads_a_campaign_row_as_utc_with_its_action() throws IOException {
    ReadRows<DiskFailure> read = read(",Timestamp,Server,Rack id,Enclosure,Slot,Action,"
        + "Unique enclosure,slot bin hor,slot bin ver\n"
        + "1388,2023-07-25T00:03:16,35,12,2,73,cycle,4,3,6");

    assertThat(read.records()).containsExactly(new DiskFailure("campaign", "35/12/2", "73",
        Instant.parse("2023-07-25T00:03:16Z"), "cycle"));
  }

  @Test
  void a_table_of_neither_kind_is_refused_naming_the_column() {
    assertThatThrownBy(() -> read("a,b\n1,2\n"))
        .hasMessageContaining("d.csv:1: no column 'Timestamp'");
  }

  @Test
  void reads_both_disk_logs_of_the_reference_data() {
    ReadRows<DiskFailure> alpine = DiskFailureLog.read(
        ReferenceData.file("hpc-disk-failures/alpine_formatted_data.csv"));
    ReadRows<DiskFailure> campaign = DiskFailureLog.read(
        ReferenceData.file("hpc-disk-failures/camp_formatted_data.csv"));

    assertThat(alpine.records()).hasSize(3_766);
    assertThat(alpine.records().stream().map(DiskFailure::enclosure).distinct()).hasSize(308);
    assertThat(campaign.records()).hasSize(1_389);
    assertThat(campaign.records().stream().filter(f -> f.action().equals("replacement")))
        .hasSize(247);
    assertThat(alpine.bad().bad() + campaign.bad().bad()).isZero();
  }
}
