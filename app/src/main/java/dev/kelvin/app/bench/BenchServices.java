package dev.kelvin.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Mosquitto and InfluxDB a benchmark runs against, started and stopped by the project's
 * own {@code scripts/services.sh} as the test command does: what this script starts it also
 * stops, and services that already ran are left running.
 */
final class BenchServices implements AutoCloseable {
  private final Path script;
  private final boolean startedHere;
  private final Map<String, String> env;

  private BenchServices(Path script, boolean startedHere, Map<String, String> env) {
    this.script = script;
    this.startedHere = startedHere;
    this.env = env;
  }

  /**
   * Starts the services unless they run, and reads their addresses and logins.
   *
   * @throws IllegalStateException naming the script and its output when it fails
   */
  static BenchServices start(Path script) throws IOException, InterruptedException {
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("the services script " + script + " does not exist: run"
          + " from the project's root folder, or pass --services with its path");
    }
    boolean running = run(script, "running").exitCode() == 0;
    if (!running) {
      Result started = run(script, "start");
      if (started.exitCode() != 0) {
        throw new IllegalStateException(script + " start failed (exit " + started.exitCode()
            + "): " + started.output());
      }
    }
    return new BenchServices(script, !running, exports(run(script, "env").output()));
  }

  /** A variable of the script's {@code env} output, e.g. {@code KELVIN_IT_MQTT_URL}. */
  String get(String name) {
    return Optional.ofNullable(env.get(name)).filter(value -> !value.isEmpty())
        .orElseThrow(() -> new IllegalStateException(script + " env does not give " + name));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (startedHere) {
      run(script, "stop");
    }
  }

  private record Result(int exitCode, String output) { }

  private static Result run(Path script, String command) throws IOException,
      InterruptedException {
    Process process = new ProcessBuilder("bash", script.toString(), command)
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " " + command + " did not finish in 10 min");
    }
    return new Result(process.exitValue(), output.strip());
  }

  private static Map<String, String> exports(String output) {
    Map<String, String> values = new HashMap<>();
    for (String line : output.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("export ") && trimmed.contains("=")) {
        String assignment = trimmed.substring("export ".length());
        int equals = assignment.indexOf('=');
        values.put(assignment.substring(0, equals), assignment.substring(equals + 1));
      }
    }
    return values;
  }
}
