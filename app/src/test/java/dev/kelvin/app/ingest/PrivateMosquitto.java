package dev.kelvin.app.ingest;

import dev.kelvin.core.wire.MqttEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of a test's own, with or without persistence, started, stopped and started again for real
 * through {@code scripts/services.sh start mosquitto} and {@code stop mosquitto}, in its own
 * folder and on its own ports: a fault test stops it without taking the shared test broker away
 * from tests running beside it. With persistence its sessions and their queued QoS 1 messages
 * survive a stop ({@code KELVIN_IT_MQTT_PERSISTENCE=true}); it has the shared broker's logins
 * and ACL.
 */
final class PrivateMosquitto implements AutoCloseable {
  private final Path script;
  private final Path folder;
  private final int port;
  private final int tlsPort;
  private final boolean persistence;
  private final Map<String, String> settings;

  /** @param persistence whether the broker keeps sessions and queued messages across a stop */
  PrivateMosquitto(Path folder, boolean persistence) {
    this.persistence = persistence;
    this.script = servicesScript();
    this.folder = folder;
    this.port = freePort();
    this.tlsPort = freePort();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
    this.settings = env();
  }

  /** The broker's plain listener and the {@code kelvin-it} login (may do anything). */
  MqttEndpoint endpoint() {
    return MqttEndpoint.withLogin(URI.create(settings.get("KELVIN_IT_MQTT_URL")),
        settings.get("KELVIN_IT_MQTT_USERNAME"), settings.get("KELVIN_IT_MQTT_PASSWORD"));
  }

  void start() {
    run("start", "mosquitto");
  }

  /** Stops the broker for real (SIGTERM: it saves its sessions first) and checks it is gone. */
  void stop() {
    run("stop", "mosquitto");
    if (listening()) {
      throw new IllegalStateException("Mosquitto still answers on port " + port
          + " after services.sh stop mosquitto");
    }
  }

  /** Whether something accepts connections on the broker's port now. */
  boolean listening() {
    try (Socket probe = new Socket("127.0.0.1", port)) {
      return probe.isConnected();
    } catch (IOException refused) {
      return false;
    }
  }

  /** The broker's own log, for a failure message. */
  String log() {
    try {
      return Files.readString(folder.resolve("mosquitto/mosquitto.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    run("stop", "mosquitto");
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

  /** Runs services.sh with this broker's folder, ports and persistence; its output. */
  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile(folder, "services", ".out");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      Map<String, String> environment = builder.environment();
      environment.put("KELVIN_SERVICES_DIR", folder.toString());
      environment.put("KELVIN_IT_MQTT_PORT", Integer.toString(port));
      environment.put("KELVIN_IT_MQTT_TLS_PORT", Integer.toString(tlsPort));
      environment.put("KELVIN_IT_MQTT_PERSISTENCE", Boolean.toString(persistence));
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took over 60 s");
      }
      String text = Files.readString(output);
      Files.delete(output);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed ("
            + process.exitValue() + "): " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
