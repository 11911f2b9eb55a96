package dev.kelvin.app.predict;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** Progress lines on stderr, each with the seconds since the command started. */
final class FailureProgress implements Consumer<String> {
  private final PrintWriter err;
  private final long startNanos = System.nanoTime();

  FailureProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void accept(String line) {
    err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - startNanos) / 1e9, line);
    err.flush();
  }
}
