package dev.kelvin.telemetry.store;

import dev.kelvin.core.testkit.ServicesScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * An InfluxDB of a test's own, started, stopped and started again for real through
 * {@code scripts/services.sh start influx} and {@code stop influx}, in its own folder and on
 * its own ports: a fault test stops it without taking the shared test InfluxDB away from tests
 * that run meanwhile. Its data survives a stop.
 */
final class PrivateInflux implements AutoCloseable {
  private final ServicesScript services;
  private final Map<String, String> settings;

  PrivateInflux(Path folder) {
    this.services = new ServicesScript(folder,
        Map.of("KELVIN_IT_INFLUX_PORT", Integer.toString(freePortPair())));
    start();
    this.settings = services.env();
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
    services.run("start", "influx");
  }

  void stop() {
    services.run("stop", "influx");
  }

  @Override
  public void close() {
    stop();
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
