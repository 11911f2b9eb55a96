package dev.kelvin.predictor.failure.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kelvin.datasets.failure.DiskFailure;
import dev.kelvin.datasets.failure.FtaEvent;
import dev.kelvin.datasets.failure.GpuEvent;
import dev.kelvin.datasets.failure.LanlFailure;
import dev.kelvin.datasets.failure.RootCause;
import dev.kelvin.datasets.failure.TitanPlacement;
import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureExample;
import dev.kelvin.predictor.failure.FailureExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How each log becomes systems, nodes, failures and outages; then each on the real files. */
class LogSourcesTest {
  private static final Path DATA = Path.of(System.getProperty("kelvin.data.dir",
      "../shared/data"));

  private static Instant t(String text) {
    return Instant.parse(text);
  }

  @Test
  void a_grid5000_failure_is_a_long_outage_after_the_node_was_up() {
    List<FtaEvent> events = List.of(
        new FtaEvent(1, "G1/site3/c1/node1", false, t("2005-06-01T00:00:00Z"),
            t("2005-06-02T00:00:00Z")),
        new FtaEvent(1, "G1/site3/c1/node1", true, t("2005-06-02T00:00:00Z"),
            t("2005-06-03T00:00:00Z")),
        new FtaEvent(1, "G1/site3/c1/node1", false, t("2005-06-03T00:00:00Z"),
            t("2005-06-03T00:03:00Z")),
        new FtaEvent(1, "G1/site3/c1/node1", true, t("2005-06-03T00:03:00Z"),
            t("2005-06-04T00:00:00Z")),
        new FtaEvent(1, "G1/site3/c1/node1", false, t("2005-06-04T00:00:00Z"),
            t("2005-06-04T02:00:00Z")));

    NodeLog node = Grid5000Source.node("G1/site3/c1/node1", events).orElseThrow();

    // the first interval is before the node was first seen up; the 3-minute one is a reboot
    assertThat(node.firstSeen()).isEqualTo(t("2005-06-02T00:00:00Z"));
    assertThat(node.lastSeen()).isEqualTo(t("2005-06-04T02:00:00Z"));
    assertThat(node.failures()).containsExactly(t("2005-06-04T00:00:00Z"));
    assertThat(node.downAt(t("2005-06-03T00:01:00Z"))).isTrue();
    assertThat(Grid5000Source.site("G1/site3/c1/node1")).isEqualTo("site3");
  }

  @Test
  void a_titan_slot_fails_when_its_gpu_is_pulled_for_an_error_and_is_down_until_the_next() {
    List<TitanPlacement> placements = List.of(
        new TitanPlacement("a", "c0-0c0s0n0", Optional.of(t("2014-01-01T00:00:00Z")),
            t("2016-03-01T00:00:00Z"), true, GpuEvent.DBE),
        new TitanPlacement("b", "c0-0c0s0n0", Optional.of(t("2016-03-05T00:00:00Z")),
            t("2019-08-01T00:00:00Z"), false, GpuEvent.NONE));

    NodeLog slot = TitanSource.slot("c0-0c0s0n0", placements, t("2019-08-01T20:00:00Z"));

    assertThat(slot.firstSeen()).isEqualTo(t("2014-01-01T00:00:00Z"));
    assertThat(slot.lastSeen()).isEqualTo(t("2019-08-01T20:00:00Z"));
    assertThat(slot.failures()).containsExactly(t("2016-03-01T00:00:00Z"));
    assertThat(slot.downAt(t("2016-03-03T00:00:00Z"))).isTrue();
    assertThat(slot.downAt(t("2016-03-05T00:00:00Z"))).isFalse();
  }

  @Test
  void a_lanl_system_counts_its_never_named_nodes_and_leaves_out_other_purposes() {
    List<LanlFailure> records = List.of(
        lanl(1, "compute", "2003-01-01T00:00:00Z", 60),
        lanl(2, "graphics.fe", "2003-02-01T00:00:00Z", 60),
        lanl(1, "compute", "2003-03-01T00:00:00Z", 120));

    SystemLog system = LanlSource.system(9, records);

    assertThat(system.system()).isEqualTo("lanl-9");
    assertThat(system.nodes()).extracting(NodeLog::node).containsExactly("0", "1", "3");
    NodeLog one = system.nodes().get(1);
    assertThat(one.failures()).hasSize(2);
    assertThat(one.downAt(t("2003-03-01T01:59:00Z"))).isTrue();
    assertThat(one.lastSeen()).isEqualTo(t("2003-03-01T00:00:00Z"));
  }

  private static LanlFailure lanl(int node, String purpose, String started, long minutes) {
    return new LanlFailure(9, OptionalInt.of(node), t(started), minutes, RootCause.HARDWARE,
        "CPU", false, OptionalInt.of(4), purpose);
  }

  @Test
  void a_disk_enclosure_is_a_node_watched_over_its_systems_whole_log() {
    SystemLog system = DiskSource.system(List.of(
        new DiskFailure("campaign", "1/2/3", "7", t("2021-05-04T00:00:00Z"), "cycle"),
        new DiskFailure("campaign", "1/2/4", "9", t("2022-05-04T00:00:00Z"), "replacement"),
        new DiskFailure("campaign", "1/2/3", "8", t("2023-05-04T00:00:00Z"), "cycle")));

    assertThat(system.nodes()).extracting(NodeLog::node).containsExactly("1/2/3", "1/2/4");
    assertThat(system.nodes()).allSatisfy(n -> {
      assertThat(n.firstSeen()).isEqualTo(t("2021-05-04T00:00:00Z"));
      assertThat(n.lastSeen()).isEqualTo(t("2023-05-04T00:00:00Z"));
    });
    assertThat(system.nodes().get(0).failures()).hasSize(2);
  }

  @Test
  void every_source_reads_its_real_data_set_into_sorted_examples_of_its_systems() {
    assumeThat(Files.isDirectory(DATA.resolve("hpc-disk-failures"))).as("reference data")
        .isTrue();
    List<String> lines = new ArrayList<>();
    FailureExamples disks = new DiskSource().examples(DATA.resolve("hpc-disk-failures"),
        ExampleSettings.defaults(), lines::add);
    FailureExamples titan = new TitanSource().examples(DATA.resolve("titan-gpu-reliability"),
        ExampleSettings.defaults(), lines::add);
    FailureExamples grid = new Grid5000Source().examples(DATA.resolve("grid5000-failures-fta"),
        ExampleSettings.defaults(), lines::add);
    FailureExamples lanl = new LanlSource().examples(DATA.resolve("lanl-failures-1996-2005"),
        ExampleSettings.defaults(), lines::add);

    assertThat(lines).contains("alpine: 308 nodes, 3,766 failures; 103,241 examples"
        + " (3,684 positive), negatives sampled 1 in 5.6", "campaign: 96 nodes, 1,389 failures;"
        + " 77,856 examples (970 positive)");
    assertThat(lines).anyMatch(l -> l.startsWith("titan: 18,687 nodes, 6,367 failures;"));
    assertThat(grid.examples().stream().map(FailureExample::system).distinct()).hasSize(9);
    assertThat(lanl.examples().stream().map(FailureExample::system).distinct()).hasSize(22)
        .doesNotContain("lanl-17");
    assertThat(List.of(disks, titan, grid, lanl)).allSatisfy(examples -> {
      assertThat(examples.horizon()).isEqualTo(LogSources.DEFAULT_HORIZON);
      assertThat(examples.positives()).isPositive();
      assertThat(examples.data().sha256()).hasSize(64);
    });
  }
}
