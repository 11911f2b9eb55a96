package dev.kelvin.app.live;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A kelvin command in its own JVM, as an operator starts it: the controller from
 * {@code target/kelvin.jar} and {@code target/lib}, the agent from its slim artifact
 * {@code target/agent} with its JVM options. Records what it prints; stderr goes to a file.
 * The one child-process helper of the integration tests ({@code run.KelvinRunProcess} builds
 * on it).
 */
public final class KelvinProcess implements AutoCloseable {
  private static final Path TARGET = Path.of("target");

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final Path stderr;

  private KelvinProcess(List<String> command, Path stderr) throws IOException {
    this.stderr = stderr;
    this.process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    Thread reader = new Thread(this::readOut, "kelvin-process-out");
    reader.setDaemon(true);
    reader.start();
  }

  /** {@code kelvin <args>} from the full artifact. */
  static KelvinProcess controller(Path stderr, String... args) throws IOException {
    return controller(stderr, List.of(), args);
  }

  /** {@code kelvin <args>} from the full artifact, in a JVM started with {@code jvmOptions}. */
  public static KelvinProcess controller(Path stderr, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath(TARGET.resolve("kelvin.jar"),
        TARGET.resolve("lib")), "dev.kelvin.app.Main"));
    command.addAll(List.of(args));
    return new KelvinProcess(command, stderr);
  }

  /** {@code kelvin agent <args>} from the slim artifact, with its own JVM options. */
  static KelvinProcess agent(Path stderr, String... args) throws IOException {
    Path agent = TARGET.resolve("agent");
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(Files.readAllLines(agent.resolve("jvm.options")).stream()
        .filter(line -> !line.isBlank()).toList());
    command.addAll(List.of("-cp", classpath(agent.resolve("kelvin-agent.jar"),
        agent.resolve("lib")), "dev.kelvin.app.agent.AgentMain"));
    command.addAll(List.of(args));
    return new KelvinProcess(command, stderr);
  }

  /**
   * Waits for a line on stdout or stderr matching {@code pattern}; its first group, or the
   * whole match.
   */
  public String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    AtomicReference<String> found = new AtomicReference<>();
    try {
      await("a line matching " + pattern).atMost(timeout).pollInterval(Duration.ofMillis(100))
          .until(() -> printedOrExited(pattern, found));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no line matching " + pattern + " within " + timeout + "; "
          + printed(), e);
    }
    return found.get();
  }

  /** Whether a line matching {@code pattern} is printed (into {@code found}); fails once exited. */
  private boolean printedOrExited(Pattern pattern, AtomicReference<String> found) {
    Optional<String> line = line(pattern);
    line.ifPresent(found::set);
    if (line.isEmpty() && !process.isAlive()) {
      throw new AssertionError("the process exited (" + process.exitValue() + ") before"
          + " printing " + pattern + "; " + printed());
    }
    return line.isPresent();
  }

  /** The first line printed so far on stdout or stderr that matches {@code pattern}. */
  public Optional<String> line(Pattern pattern) {
    for (String line : out) {
      Optional<String> found = match(pattern, line);
      if (found.isPresent()) {
        return found;
      }
    }
    for (String line : stderrText().split("\n")) {
      Optional<String> found = match(pattern, line);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** What it printed, for a failure message. */
  public String printed() {
    return "stdout " + String.join("\n", out) + "\nstderr " + stderrText();
  }

  private static Optional<String> match(Pattern pattern, String line) {
    Matcher matcher = pattern.matcher(line);
    return matcher.find()
        ? Optional.of(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group())
        : Optional.empty();
  }

  public Process process() {
    return process;
  }

  List<String> out() {
    return List.copyOf(out);
  }

  String stderrText() {
    try {
      return Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** Sends SIGTERM and waits for the exit code. */
  public int stop(Duration timeout) throws InterruptedException, IOException {
    new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("did not stop within " + timeout + "; stderr " + stderrText());
    }
    return process.exitValue();
  }

  /** SIGKILL: the process gets no chance to clean up, as in a crash. Returns the exit code. */
  public int kill() throws InterruptedException {
    if (!process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the process still runs 10 s after SIGKILL");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void readOut() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        out.add(line);
      }
    } catch (IOException ended) {
      // the process went away
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static String classpath(Path jar, Path lib) {
    if (!Files.exists(jar)) {
      throw new AssertionError(jar + " is missing: run after the package phase (mvn verify)");
    }
    return jar + File.pathSeparator + lib + File.separator + "*";
  }
}
