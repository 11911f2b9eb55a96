package dev.kelvin.app.bench;

import dev.kelvin.app.StartupException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run to its end in a JVM of its own ({@code java <flags> -cp <classpath>
 * <main> <args>}), so that its memory is its own: waits for it with a time-out, keeps the last
 * JSON line it printed on stdout, and polls its peak resident memory ({@code VmHWM} of
 * {@code /proc/<pid>/status}) while it runs. Its stderr goes to a file that failures quote.
 */
final class ChildJvm {
  private static final Duration POLL_EVERY = Duration.ofMillis(100);
  private static final int STDERR_LINES_QUOTED = 5;

  /** What to start. */
  record Command(List<String> jvmFlags, String classpath, String mainClass, List<String> args) {
    Command {
      jvmFlags = List.copyOf(jvmFlags);
      args = List.copyOf(args);
    }

    /** The command line, with the {@code java} of the JVM running Kelvin. */
    List<String> line() {
      List<String> line = new ArrayList<>();
      line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      line.addAll(jvmFlags);
      line.addAll(List.of("-cp", classpath, mainClass));
      line.addAll(args);
      return line;
    }
  }

  /**
   * What the child left.
   *
   * @param jsonLine the last stdout line that starts with <code>{</code>
   * @param peakRssBytes the highest {@code VmHWM} seen while polling; -1 without a Linux
   *     {@code /proc}
   * @param wall from the start of the process to its exit, JVM start-up included
   */
  record Result(String jsonLine, long peakRssBytes, Duration wall) {}

  private ChildJvm() {}

  /**
   * Runs {@code command} to its end.
   *
   * @throws StartupException when it cannot start, exits with a failure, prints no JSON line
   *     or outlives {@code timeout} (it is then killed); the message quotes its last log lines
   */
  static Result run(Command command, Duration timeout, Path stderr) throws InterruptedException {
    long startNanos = System.nanoTime();
    Process process = start(command, stderr);
    try {
      List<String> out = new CopyOnWriteArrayList<>();
      Thread reader = readInto(process, out);
      long peak = awaitExit(process, timeout, stderr, command);
      long wallNanos = System.nanoTime() - startNanos;
      reader.join(TimeUnit.SECONDS.toMillis(5));
      if (process.exitValue() != 0) {
        throw failure(command, "exited with " + process.exitValue(), stderr);
      }
      String json = out.stream().filter(line -> line.startsWith("{")).reduce((a, b) -> b)
          .orElseThrow(() -> failure(command, "printed no JSON line on stdout", stderr));
      return new Result(json, peak, Duration.ofNanos(wallNanos));
    } finally {
      process.destroyForcibly();
    }
  }

  private static Process start(Command command, Path stderr) {
    try {
      return new ProcessBuilder(command.line()).redirectError(stderr.toFile()).start();
    } catch (IOException e) {
      throw new StartupException("cannot start " + command.mainClass() + " in its own JVM ("
          + command.line().get(0) + "): " + e, e);
    }
  }

  /** Polls the peak resident memory until the process exits; returns the highest seen. */
  private static long awaitExit(Process process, Duration timeout, Path stderr, Command command)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long peak = -1;
    boolean proc = ProcStats.available();
    while (!process.waitFor(POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
      if (System.nanoTime() > deadline) {
        throw failure(command, "did not finish within " + timeout.toSeconds() + " s (killed)",
            stderr);
      }
      if (proc) {
        peak = Math.max(peak, peakRss(process.pid()));
      }
    }
    return peak;
  }

  /** {@code VmHWM} now; -1 when the process exited between the check and the read. */
  private static long peakRss(long pid) {
    try {
      return ProcStats.of(pid).memory().peakRssBytes();
    } catch (UncheckedIOException | IllegalArgumentException exited) {
      return -1;
    }
  }

  private static Thread readInto(Process process, List<String> out) {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(
          process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          out.add(line);
        }
      } catch (IOException ended) {
        // the process went away; its exit code says how
      }
    }, "bench-child-out");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private static StartupException failure(Command command, String what, Path stderr) {
    return new StartupException(command.mainClass() + " " + what + "; its last log lines: "
        + String.join(" | ", lastLines(stderr)));
  }

  private static List<String> lastLines(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.subList(Math.max(0, lines.size() - STDERR_LINES_QUOTED), lines.size());
    } catch (IOException e) {
      return List.of("(unreadable: " + e + ")");
    }
  }
}
