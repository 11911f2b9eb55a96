package dev.kelvin.app.bench;

import dev.kelvin.app.VersionProvider;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The bench's table on stdout: a header naming Kelvin's version and the machine, then one row
 * per figure. Every line is flushed as it is written, so that rows and log lines on stderr
 * never share a line on a terminal.
 */
final class BenchTable {
  private static final String ROW = "%-36s %-12s %-22s %s";

  private final PrintWriter out;

  BenchTable(PrintWriter out) {
    this.out = out;
  }

  void header(String machine) {
    line("Kelvin " + VersionProvider.version() + " bench on " + machine);
    line(String.format(Locale.ROOT, ROW, "benchmark", "size", "result", "").stripTrailing());
  }

  void row(BenchResult result) {
    line(String.format(Locale.ROOT, ROW, result.name(), result.size(), result.figure(),
        result.detail()).stripTrailing());
  }

  void line(String text) {
    out.println(text);
    out.flush();
  }
}
