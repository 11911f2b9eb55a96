package dev.kelvin.app.run;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kelvin run --config FILE} in a JVM of its own, as an operator starts it: from the
 * packaged {@code target/kelvin.jar} and {@code target/lib} (run {@code mvn package} first, or
 * {@code verify}, which packages before the integration tests). Records every line it prints on
 * stdout and stderr (the log), finds its dashboard, and reads figures off its {@code /metrics}.
 */
final class KelvinRunProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KelvinRunProcess.class);
  private static final Path TARGET = Path.of("target");
  private static final Pattern DASHBOARD = Pattern.compile("dashboard\\s+(http://\\S+)");
  private static final Pattern READY = Pattern.compile("controller ready in ([0-9.]+ s)");

  private final String name;
  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private URI dashboard;

  private KelvinRunProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    read(process.getInputStream(), out, name + "-out");
    read(process.getErrorStream(), err, name + "-err");
  }

  /** Starts {@code kelvin run --config config}; {@code name} tells this run from others. */
  static KelvinRunProcess start(String name, Path config) throws IOException {
    Path jar = TARGET.resolve("kelvin.jar");
    if (!Files.exists(jar)) {
      throw new AssertionError(jar.toAbsolutePath() + " is missing: package the app first"
          + " (./mvnw -o -pl app -am package -DskipTests, or run the IT through verify)");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = jar + File.pathSeparator + TARGET.resolve("lib") + File.separator + "*";
    return new KelvinRunProcess(name, new ProcessBuilder(java, "-Xmx512m", "-cp", classpath,
        "dev.kelvin.app.Main", "run", "--config", config.toString()).start());
  }

  /** Waits until it says it is ready, and notes its dashboard. */
  KelvinRunProcess awaitReady(Duration timeout) throws InterruptedException {
    LOG.info("{} ready in {}", name, awaitLine(READY, timeout));
    dashboard = URI.create(awaitLine(DASHBOARD, Duration.ofSeconds(1)));
    return this;
  }

  /**
   * Waits for a line on stdout or stderr matching {@code pattern}; its first group, or the
   * whole match.
   */
  String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> found = line(pattern);
      if (found.isPresent()) {
        return found.get();
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited (" + process.exitValue() + ") before printing "
            + pattern + "; " + printed());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " printed no line matching " + pattern + " within "
            + timeout + "; " + printed());
      }
      Thread.sleep(50);
    }
  }

  /** The first line printed so far that matches {@code pattern} (its first group, if any). */
  Optional<String> line(Pattern pattern) {
    for (List<String> lines : List.of(out, err)) {
      for (String line : lines) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return Optional.of(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The value of {@code metric} on {@code /metrics} (summed over its labels), NaN when it is not
   * there.
   */
  double metric(String metric) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            dashboard.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(name + ": /metrics answered " + response.statusCode());
    }
    double sum = Double.NaN;
    for (String line : response.body().split("\n")) {
      if (line.startsWith(metric + " ") || line.startsWith(metric + "{")) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        sum = Double.isNaN(sum) ? value : sum + value;
      }
    }
    return sum;
  }

  /** SIGKILL, as a crash or the OOM killer: no shutdown hook runs. Returns the exit code. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " still runs 10 s after SIGKILL");
    }
    return process.exitValue();
  }

  /** SIGTERM, as an operator's stop; returns the exit code. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not stop within " + timeout + "; " + printed());
    }
    return process.exitValue();
  }

  /** What it printed, for a failure message: stdout, then its log. */
  String printed() {
    return "stdout " + String.join("\n", out) + "\nstderr " + String.join("\n", err);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private static void read(InputStream stream, List<String> lines, String thread) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream,
          StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException ended) {
        // the process went away
      }
    }, thread);
    reader.setDaemon(true);
    reader.start();
  }
}
