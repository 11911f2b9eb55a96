package dev.kelvin.telemetry.broker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to run the embedded broker.
 *
 * @param host the address to listen on, {@code 127.0.0.1} by default
 * @param port the TCP port, or 0 for any free port
 * @param maxQueuedMessagesPerClient messages the broker queues for a slow or offline client
 *     before it drops new ones (HiveMQ's default of 1000 drops QoS 1 readings silently)
 * @param workDir a folder where the broker creates, and on close deletes, its own temporary
 *     folder (configuration, data and extensions)
 */
public record BrokerSettings(String host, int port, int maxQueuedMessagesPerClient,
    Path workDir) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final int MQTT_PORT = 1883;
  public static final int DEFAULT_MAX_QUEUED = 100_000;
  /**
   * The largest packet the broker takes: the controller's largest telemetry payload (64 KiB)
   * and room for the topic and properties. With {@link #maxQueuedMessagesPerClient} it bounds
   * what one client's queue can hold.
   */
  public static final int MAX_PACKET_BYTES = 68 * 1_024;
  /** Host names and IPv4/IPv6 literals; nothing that could break the generated XML. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-]{1,253}");

  public BrokerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(workDir, "workDir");
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("broker host '" + host + "' must be an IP address or"
          + " a host name, such as " + LOOPBACK);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("broker port must be 0 (any free port) to 65535, was "
          + port);
    }
    if (maxQueuedMessagesPerClient < 1) {
      throw new IllegalArgumentException("maxQueuedMessagesPerClient must be >= 1 message, was "
          + maxQueuedMessagesPerClient + " (" + DEFAULT_MAX_QUEUED + " is the default)");
    }
  }

  /** Loopback, port 1883, 100 000 queued messages per client, under the system temp folder. */
  public static BrokerSettings defaults() {
    return new BrokerSettings(LOOPBACK, MQTT_PORT, DEFAULT_MAX_QUEUED,
        Path.of(System.getProperty("java.io.tmpdir"), "kelvin-broker"));
  }

  public BrokerSettings withPort(int value) {
    return new BrokerSettings(host, value, maxQueuedMessagesPerClient, workDir);
  }

  public BrokerSettings withWorkDir(Path value) {
    return new BrokerSettings(host, port, maxQueuedMessagesPerClient, value);
  }

  public BrokerSettings withMaxQueuedMessagesPerClient(int value) {
    return new BrokerSettings(host, port, value, workDir);
  }
}
