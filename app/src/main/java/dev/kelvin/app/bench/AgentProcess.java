package dev.kelvin.app.bench;

import dev.kelvin.app.StartupException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code kelvin agent} running in its own JVM from its artifact: what it prints on stdout is
 * kept (the bench waits for its ready line), its log on stderr goes to a file that failures
 * quote.
 */
final class AgentProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("agent of \\S+ ready");
  private static final int STDERR_LINES_QUOTED = 5;

  private final Process process;
  private final Path stderr;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final long startedNanos = System.nanoTime();

  private AgentProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::readOut, "bench-agent-out");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command}, its log going to {@code stderr}. */
  static AgentProcess start(List<String> command, Path stderr) {
    try {
      return new AgentProcess(new ProcessBuilder(command).redirectError(stderr.toFile())
          .start(), stderr);
    } catch (IOException e) {
      throw new StartupException("cannot start the agent (" + command.get(0) + "): " + e, e);
    }
  }

  long pid() {
    return process.pid();
  }

  /**
   * Waits until the agent prints {@code agent of <node> ready}; returns how long after its
   * start that was.
   */
  Duration awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (out.stream().anyMatch(line -> READY.matcher(line).find())) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
      }
      requireAlive("before it was ready");
      Thread.sleep(50);
    }
    throw failure("the agent did not print its ready line within " + timeout.toSeconds()
        + " s");
  }

  /** @throws StartupException quoting the agent's log when it exited */
  void requireAlive(String when) {
    if (!process.isAlive()) {
      throw failure("the agent exited with " + process.exitValue() + " " + when);
    }
  }

  /** Sends SIGTERM, as an operator or systemd stops it, and returns the exit code. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw failure("the agent did not stop within " + timeout.toSeconds() + " s of SIGTERM");
    }
    return process.exitValue();
  }

  /** A failure that quotes the last lines of the agent's log. */
  StartupException failure(String what) {
    return new StartupException(what + "; its last log lines: "
        + String.join(" | ", lastLines()));
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private List<String> lastLines() {
    try {
      List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
      return lines.subList(Math.max(0, lines.size() - STDERR_LINES_QUOTED), lines.size());
    } catch (IOException e) {
      return List.of("(unreadable: " + e + ")");
    }
  }

  private void readOut() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        out.add(line);
      }
    } catch (IOException ended) {
      // the agent went away; requireAlive says so
    }
  }
}
