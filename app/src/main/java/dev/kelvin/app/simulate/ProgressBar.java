package dev.kelvin.app.simulate;

import dev.kelvin.simulator.engine.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how far a run has got: on a terminal one line redrawn in place (simulated days, jobs
 * done, a bar); otherwise one line per tenth of the jobs, so that logs stay short.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final String label;
  private int lastTenth = -1;
  private int lastDrawnPercent = -1;
  private boolean finished;

  ProgressBar(PrintStream out, boolean terminal, String label) {
    this.out = out;
    this.terminal = terminal;
    this.label = label;
  }

  @Override
  public void update(double simulatedS, int jobsDone, int jobsTotal) {
    double ratio = jobsTotal == 0 ? 1 : (double) jobsDone / jobsTotal;
    if (finished) {
      return;
    }
    finished = ratio == 1;
    int percent = (int) Math.floor(ratio * 100);
    if (terminal) {
      if (percent != lastDrawnPercent || finished) {
        lastDrawnPercent = percent;
        int filled = (int) Math.round(ratio * WIDTH);
        out.printf(Locale.ROOT, "\r%s [%s%s] %3d%%  day %.0f  %d/%d jobs", label,
            "#".repeat(filled), " ".repeat(WIDTH - filled), percent, simulatedS / 86_400,
            jobsDone, jobsTotal);
        if (finished) {
          out.println();
        }
      }
      return;
    }
    int tenth = percent / 10;
    if (tenth != lastTenth) {
      lastTenth = tenth;
      out.printf(Locale.ROOT, "%s: %d%% of jobs done, day %.0f%n", label, percent,
          simulatedS / 86_400);
    }
  }
}
