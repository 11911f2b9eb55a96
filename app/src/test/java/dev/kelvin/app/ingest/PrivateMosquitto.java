package dev.kelvin.app.ingest;

import dev.kelvin.core.testkit.ServicesScript;
import dev.kelvin.core.wire.MqttEndpoint;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Mosquitto of a test's own, with or without persistence, started, stopped and started again for real
 * through {@code scripts/services.sh start mosquitto} and {@code stop mosquitto}, in its own
 * folder and on its own ports: a fault test stops it without taking the shared test broker away
 * from tests running beside it. With persistence its sessions and their queued QoS 1 messages
 * survive a stop ({@code KELVIN_IT_MQTT_PERSISTENCE=true}); it has the shared broker's logins
 * and ACL.
 */
final class PrivateMosquitto implements AutoCloseable {
  private final Path folder;
  private final int port;
  private final ServicesScript services;
  private final Map<String, String> settings;

  /** @param persistence whether the broker keeps sessions and queued messages across a stop */
  PrivateMosquitto(Path folder, boolean persistence) {
    this.folder = folder;
    this.port = ServicesScript.freePort();
    this.services = new ServicesScript(folder, Map.of(
        "KELVIN_IT_MQTT_PORT", Integer.toString(port),
        "KELVIN_IT_MQTT_TLS_PORT", Integer.toString(ServicesScript.freePort()),
        "KELVIN_IT_MQTT_PERSISTENCE", Boolean.toString(persistence)));
    start();
    this.settings = services.env();
  }

  /** The broker's plain listener and the {@code kelvin-it} login (may do anything). */
  MqttEndpoint endpoint() {
    return MqttEndpoint.withLogin(URI.create(settings.get("KELVIN_IT_MQTT_URL")),
        settings.get("KELVIN_IT_MQTT_USERNAME"), settings.get("KELVIN_IT_MQTT_PASSWORD"));
  }

  void start() {
    services.run("start", "mosquitto");
  }

  /** Stops the broker for real (SIGTERM: it saves its sessions first) and checks it is gone. */
  void stop() {
    services.run("stop", "mosquitto");
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
    services.run("stop", "mosquitto");
  }
}
