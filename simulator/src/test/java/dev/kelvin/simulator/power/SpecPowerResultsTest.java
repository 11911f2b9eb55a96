package dev.kelvin.simulator.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SPECpower_ssj2008 results read whole from the reference data (the {@code kelvin.data.dir}
 * setting), and small exports made here for the error cases.
 */
class SpecPowerResultsTest {
  private static final String HEADER = "Hardware Vendor,System,Nodes,Cores,Chips,Processor,"
      + "\"Processor MHz\",Disclosure URL,\"Average watts @ 100% of target load\","
      + "\"Average watts @ 90% of target load\",\"Average watts @ 80% of target load\","
      + "\"Average watts @ 70% of target load\",\"Average watts @ 60% of target load\","
      + "\"Average watts @ 50% of target load\",\"Average watts @ 40% of target load\","
      + "\"Average watts @ 30% of target load\",\"Average watts @ 20% of target load\","
      + "\"Average watts@10% of target load\",\"Average watts @ active idle\"";
  private static final String WATTS = "300,240,220,200,180,160,140,120,100,80,50";

  private static SpecPowerResults realResults() {
    Path file = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"))
        .resolve("specpower-ssj2008/ssj2008-results-20160613.csv");
    assumeTrue(Files.isRegularFile(file), "reference data not present: " + file);
    return SpecPowerResults.read(file);
  }

  private static SpecPowerResults parse(String... rows) throws IOException {
    String text = HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    return SpecPowerResults.read(new BufferedReader(new StringReader(text)), "made.csv");
  }

  private static String row(String system, String nodes, String watts) {
    return "Vendor,\"" + system + "\"," + nodes + ",16,2,\"Xeon E5, 2 GHz\",2000,"
        + "http://www.spec.org/power_ssj2008/results/res2014q1/power_ssj2008-20140101-00001.html,"
        + watts;
  }

  @Test
  void reads_every_published_result_but_the_one_with_no_chips() {
    SpecPowerResults results = realResults();

    assertThat(results.curves()).hasSize(514);
    assertThat(results.skippedRows()).isEqualTo(1);
    assertThat(results.skipped().get(0))
        .endsWith("ssj2008-results-20160613.csv:503: column 41 'Chips' is '0', expected a whole"
            + " count of at least 1");
  }

  @Test
  void reads_a_known_systems_eleven_points_idle_first() {
    SpecPowerCurve r630 = realResults().find("PowerEdge R630 (Intel Xeon E5-2699 v4 2.20 GHz)");

    assertThat(r630.wattsByLoad()).containsExactly(
        46.7, 89.8, 107, 124, 141, 154, 167, 184, 209, 240, 279);
    assertThat(r630.system().vendor()).isEqualTo("Dell Inc.");
    assertThat(r630.system().processor()).isEqualTo("Intel Xeon E5-2699 v4 2.20 GHz");
    assertThat(r630.system().coresPerNode()).isEqualTo(44);
    assertThat(r630.system().chipsPerNode()).isEqualTo(2);
    assertThat(r630.system().processorMhz()).isEqualTo(2200);
    assertThat(r630.system().resultId()).isEqualTo("power_ssj2008-20160510-00731");
    assertThat(r630.dvfsExponent()).isEqualTo(DvfsExponent.HOTPOWER12);
  }

  @Test
  void divides_a_multi_node_result_into_one_nodes_share() {
    SpecPowerCurve blades = realResults().find("AW2000h-AW170h F1");

    assertThat(blades.system().nodes()).isEqualTo(4);
    assertThat(blades.system().coresPerNode()).isEqualTo(12);
    assertThat(blades.system().chipsPerNode()).isEqualTo(2);
    assertThat(blades.idleWatts()).isCloseTo(282 / 4.0, within(1e-9));
    assertThat(blades.maxWatts()).isCloseTo(1016 / 4.0, within(1e-9));
  }

  @Test
  void finds_a_result_by_a_unique_substring_ignoring_case_or_by_its_result_id() {
    SpecPowerResults results = realResults();

    assertThat(results.find("rx2530 m2").system().name())
        .isEqualTo("FUJITSU Server PRIMERGY RX2530 M2");
    assertThat(results.find("power_ssj2008-20120524-00476").system().processor())
        .isEqualTo("Intel Xeon E5-2630");
  }

  @Test
  void names_the_candidates_when_a_query_matches_several_results() {
    SpecPowerResults results = realResults();

    assertThatThrownBy(() -> results.find("poweredge r630"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'poweredge r630' matches 2")
        .hasMessageContaining("power_ssj2008-20150317-00691")
        .hasMessageContaining("power_ssj2008-20160510-00731");
    assertThatThrownBy(() -> results.find("Acer AR380 F2"))
        .hasMessageContaining("matches 4").hasMessageContaining("result id");
    assertThatThrownBy(() -> results.find("ProLiant"))
        .hasMessageContaining("; and ").hasMessageContaining(" more");
  }

  @Test
  void names_the_query_and_close_candidates_when_nothing_matches() {
    assertThatThrownBy(() -> realResults().find("PowerEdge R999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'PowerEdge R999' names no SPECpower_ssj2008 result")
        .hasMessageContaining("PowerEdge");
  }

  @Test
  void the_default_hpc_server_is_one_two_socket_xeon_node() {
    SpecPowerCurve server = realResults().find(SpecPowerResults.DEFAULT_HPC_SERVER);

    assertThat(server.system().name()).isEqualTo(SpecPowerResults.DEFAULT_HPC_SERVER);
    assertThat(server.system().nodes()).isEqualTo(1);
    assertThat(server.system().chipsPerNode()).isEqualTo(2);
    assertThat(server.system().processor()).contains("Xeon");
  }

  @Test
  void skips_and_counts_a_row_with_a_missing_or_non_numeric_watt_value() throws IOException {
    SpecPowerResults results = parse(row("Good", "1", WATTS),
        row("No idle", "1", WATTS.replace(",50", ",")),
        row("Dash", "1", WATTS.replace("240", "--")));

    assertThat(results.curves()).extracting(c -> c.system().name()).containsExactly("Good");
    assertThat(results.skippedRows()).isEqualTo(2);
    assertThat(results.skipped()).containsExactly(
        "made.csv:3: column 19 'Average watts @ active idle' is '', not watts > 0",
        "made.csv:4: column 10 'Average watts @ 90% of target load' is '--', not watts > 0");
  }

  @Test
  void reads_quoted_fields_with_commas_and_doubled_quotes() throws IOException {
    SpecPowerResults results = parse(row("Box \"\"Mini\"\", 1U", "1", WATTS));

    assertThat(results.curves()).singleElement().satisfies(curve -> {
      assertThat(curve.system().name()).isEqualTo("Box \"Mini\", 1U");
      assertThat(curve.system().processor()).isEqualTo("Xeon E5, 2 GHz");
      assertThat(curve.idleWatts()).isEqualTo(50);
    });
  }

  @Test
  void skips_a_row_with_a_bad_node_count_naming_file_line_and_column() throws IOException {
    SpecPowerResults results = parse(row("Good", "1", WATTS), row("Bad", "two", WATTS));

    assertThat(results.curves()).hasSize(1);
    assertThat(results.skipped())
        .containsExactly("made.csv:3: column 3 'Nodes' is 'two', expected a whole count of at"
            + " least 1");
  }

  @Test
  void names_the_line_of_a_row_with_too_few_fields_or_an_open_quote() {
    assertThatThrownBy(() -> parse(row("Good", "1", "300,240")))
        .isInstanceOf(PowerDataException.class).hasMessageContaining("made.csv:2: 10 fields");
    assertThatThrownBy(() -> parse(row("Open \"quote", "1", WATTS)))
        .isInstanceOf(PowerDataException.class)
        .hasMessageContaining("made.csv:2: a quoted field is not closed");
  }

  @Test
  void names_a_missing_column() {
    String text = "System,Nodes\r\nA,1\r\n";
    assertThatThrownBy(() -> SpecPowerResults.read(
        new BufferedReader(new StringReader(text)), "other.csv"))
        .isInstanceOf(PowerDataException.class)
        .hasMessageContaining("other.csv:1: no column 'Hardware Vendor'");
  }

  @Test
  void lists_no_more_than_five_candidates() {
    List<String> rows = List.of(row("Rack A", "1", WATTS), row("Rack B", "1", WATTS),
        row("Rack C", "1", WATTS), row("Rack D", "1", WATTS), row("Rack E", "1", WATTS),
        row("Rack F", "1", WATTS), row("Rack G", "1", WATTS));
    assertThatThrownBy(() -> parse(rows.toArray(String[]::new)).find("rack"))
        .hasMessageContaining("matches 7").hasMessageContaining("Rack E")
        .hasMessageNotContaining("Rack F").hasMessageContaining("and 2 more");
  }
}
