package dev.kelvin.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir
  Path dir;

  private List<String> allFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .sorted().toList();
    }
  }

  @Test
  void a_run_writes_its_json_and_html_report_and_nothing_else() throws IOException {
    SimulationResult result = Results.baseline();

    ReportFiles.write(dir.resolve("out"), result);

    assertThat(allFiles()).containsExactly("out/report.html", "out/report.json");
    assertThat(Files.readString(dir.resolve("out/report.json"), StandardCharsets.UTF_8))
        .isEqualTo(ReportJson.of(result));
    assertThat(Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8))
        .isEqualTo(ReportHtml.of(result));
  }

  @Test
  void a_comparison_writes_both_runs_in_their_folders_and_the_comparison_on_top()
      throws IOException {
    SimulationResult capped = Results.result(Results.summary("cap", 400, 1.2, 20), List.of());

    ReportFiles.writeComparison(dir, Results.baseline(), capped);

    assertThat(allFiles()).containsExactly("compare.html", "compare.json",
        "none/report.html", "none/report.json", "policy/report.html", "policy/report.json");
    assertThat(Files.readString(dir.resolve("policy/report.json")))
        .contains("\"policy\": \"cap\"");
  }

  @Test
  void writing_again_replaces_the_reports_whole() throws IOException {
    ReportFiles.write(dir, Results.result(Results.summary("cap", 1, 1, 1), List.of()));

    ReportFiles.write(dir, Results.baseline());

    assertThat(Files.readString(dir.resolve("report.json")))
        .isEqualTo(ReportJson.of(Results.baseline()));
  }

  @Test
  void a_write_that_fails_names_the_file_and_leaves_no_partial_file() throws IOException {
    Path blocked = dir.resolve("report.html");
    Files.createDirectories(blocked);
    Files.writeString(blocked.resolve("keep"), "x");

    assertThatThrownBy(() -> ReportFiles.write(dir, Results.baseline()))
        .isInstanceOf(IOException.class).hasMessageContaining("report.html");

    assertThat(allFiles()).containsExactly("report.html/keep", "report.json");
  }

  @Test
  void runs_that_cannot_be_compared_write_nothing() throws IOException {
    RunSummary other = new RunSummary("another scenario", 42, "cap", 1, 1, 0, 1, 0, 0, 0, 0, 0,
        0, 1, 0, 0, 0, new TreeMap<>(), 0, 0, 0, 0);

    assertThatThrownBy(() -> ReportFiles.writeComparison(dir, Results.baseline(),
        Results.result(other, List.of()))).isInstanceOf(IllegalArgumentException.class);

    assertThat(allFiles()).isEmpty();
  }
}
