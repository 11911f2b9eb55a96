package dev.kelvin.telemetry.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An InfluxDB of a test's own, started, stopped and started again for real through
 * {@code scripts/services.sh start influx} and {@code stop influx}, in its own folder and on
 * its own ports: a fault test stops it without taking the shared test InfluxDB away from tests
 * that run meanwhile. Its data survives a stop.
 */
final class PrivateInflux implements AutoCloseable {
  private final Path script;
  private final Path folder;
  private final int port;
  private final Map<String, String> settings;

  PrivateInflux(Path folder) {
    this.script = servicesScript();
    this.folder = folder;
    this.port = freePortPair();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
    this.settings = env();
  }

  URI url() {
    return URI.create(settings.get("KELVIN_IT_INFLUX_URL"));
  }

  String username() {
    return settings.get("KELVIN_IT_INFLUX_USERNAME");
  }

  String password() {
    return settings.get("KELVIN_IT_INFLUX_PASSWORD");
  }

  void start() {
    run("start", "influx");
  }

  void stop() {
    run("stop", "influx");
  }

  @Override
  public void close() {
    stop();
  }

  private Map<String, String> env() {
    Map<String, String> values = new HashMap<>();
    for (String line : run("env").split("\n")) {
      String[] parts = line.replaceFirst("^export ", "").split("=", 2);
      if (parts.length == 2) {
        values.put(parts[0], parts[1]);
      }
    }
    return values;
  }

  /** Runs services.sh with this instance's folder and port; its output, or fails with it. */
  private String run(String... args) {
    try {
      Path output = Files.createTempFile(folder, "services", ".out");
      ProcessBuilder command = new ProcessBuilder(concat(script.toString(), args))
          .redirectErrorStream(true).redirectOutput(output.toFile());
      command.environment().put("KELVIN_SERVICES_DIR", folder.toString());
      command.environment().put("KELVIN_IT_INFLUX_PORT", Integer.toString(port));
      Process process = command.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("services.sh " + String.join(" ", args)
            + " did not finish within 60 s");
      }
      String text = Files.readString(output);
      Files.delete(output);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("services.sh " + String.join(" ", args) + " failed ("
            + process.exitValue() + "): " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static List<String> concat(String first, String... rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }

  private static Path servicesScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("scripts/services.sh");
      if (Files.isExecutable(script)) {
        return script;
      }
    }
    throw new IllegalStateException("scripts/services.sh not found above "
        + Path.of("").toAbsolutePath());
  }

  /** A free port whose neighbour two up (InfluxDB's RPC port) is free too. */
  private static int freePortPair() {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket http = new ServerSocket(0)) {
        int port = http.getLocalPort();
        if (port < 65_000) {
          try (ServerSocket rpc = new ServerSocket(port + 2)) {
            return port;
          } catch (IOException taken) {
            continue;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free pair of ports found for a private InfluxDB");
  }
}
