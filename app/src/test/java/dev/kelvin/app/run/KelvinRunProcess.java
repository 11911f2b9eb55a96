package dev.kelvin.app.run;

import dev.kelvin.app.live.KelvinProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kelvin run --config FILE} in a JVM of its own ({@link KelvinProcess}, from the packaged
 * {@code target/kelvin.jar}: run {@code mvn package} first, or {@code verify}), with what the
 * run tests read off it: when it is ready, its dashboard, and figures on its {@code /metrics}.
 */
final class KelvinRunProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KelvinRunProcess.class);
  private static final Pattern DASHBOARD = Pattern.compile("dashboard\\s+(http://\\S+)");
  private static final Pattern READY = Pattern.compile("controller ready in ([0-9.]+ s)");

  private final String name;
  private final KelvinProcess process;
  private final HttpClient http = HttpClient.newHttpClient();
  private URI dashboard;

  private KelvinRunProcess(String name, KelvinProcess process) {
    this.name = name;
    this.process = process;
  }

  /** Starts {@code kelvin run --config config}; {@code name} tells this run from others. */
  static KelvinRunProcess start(String name, Path config) throws IOException {
    Path stderr = Files.createTempFile(config.getParent(), name.replace(' ', '-'), ".stderr");
    return new KelvinRunProcess(name, KelvinProcess.controller(stderr, List.of("-Xmx512m"),
        "run", "--config", config.toString()));
  }

  /** Waits until it says it is ready, and notes its dashboard. */
  KelvinRunProcess awaitReady(Duration timeout) throws InterruptedException {
    LOG.info("{} ready in {}", name, process.awaitLine(READY, timeout));
    dashboard = URI.create(process.awaitLine(DASHBOARD, Duration.ofSeconds(1)));
    return this;
  }

  /** The first line printed so far that matches {@code pattern} (its first group, if any). */
  Optional<String> line(Pattern pattern) {
    return process.line(pattern);
  }

  /**
   * The value of {@code metric} on {@code /metrics} (summed over its labels), NaN when it is not
   * there.
   */
  double metric(String metric) throws IOException, InterruptedException {
    return metric(metric, List.of());
  }

  /**
   * The value of {@code metric} on {@code /metrics}, summed over the series whose labels
   * include each of {@code labels} (as written there, e.g. {@code read="failures"}); NaN when
   * none is there.
   */
  double metric(String metric, List<String> labels) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            dashboard.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(name + ": /metrics answered " + response.statusCode());
    }
    double sum = Double.NaN;
    for (String line : response.body().split("\n")) {
      boolean named = line.startsWith(metric + " ") || line.startsWith(metric + "{");
      if (named && labels.stream().allMatch(line::contains)) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        sum = Double.isNaN(sum) ? value : sum + value;
      }
    }
    return sum;
  }

  /** The body of {@code path} on its dashboard, which must answer 200. */
  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(dashboard.resolve(path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(name + ": " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** Posts {@code json} to {@code path} on its dashboard, which must answer 200; the body. */
  String post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(dashboard.resolve(path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(name + ": POST " + path + " answered " + response.statusCode()
          + ": " + response.body());
    }
    return response.body();
  }

  /** SIGKILL, as a crash or the OOM killer: no shutdown hook runs. Returns the exit code. */
  int kill() throws InterruptedException {
    return process.kill();
  }

  /** SIGTERM, as an operator's stop; returns the exit code. */
  int stop(Duration timeout) throws InterruptedException, IOException {
    return process.stop(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.process().isAlive()) {
      process.kill();
    }
  }
}
