package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench runs every benchmark on real components and reports a figure for each. */
class BenchCommandTest {

  @Test
  void a_quick_run_reports_every_benchmark_with_a_figure_and_the_machine() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));

    assertThat(commandLine.execute("bench", "--quick", "--nodes", "32")).isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).contains("bench on").contains("CPUs").contains("Java");
    assertThat(lines).filteredOn(line -> line.contains(" 32 nodes "))
        .extracting(line -> line.substring(0, 36).strip())
        .containsExactly("ingest: decode + validate + admit", "predictor: forecast a snapshot",
            "policy: rules decide", "control loop: one tick", "simulator: history, 1 h at 1 s",
            "predictor: train, 30 min history");
    assertThat(lines).filteredOn(line -> line.contains(" 32 nodes "))
        .allSatisfy(line -> assertThat(line).containsPattern("[0-9][0-9,.]* (µs|ms|msg/s|reading/s)"));
  }
}
