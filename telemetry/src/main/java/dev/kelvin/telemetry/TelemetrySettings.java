package dev.kelvin.telemetry;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.time.Duration;
import java.util.Objects;

/**
 * How the controller ingests telemetry over MQTT.
 *
 * @param endpoint the broker and its login
 * @param topics the topic layout, under its prefix
 * @param clientId the MQTT client id; keep it stable across restarts so that the broker keeps
 *     the session (and the readings queued for it) while the controller restarts
 * @param keepAlive how often the client pings an idle connection, whole seconds, 1 s to 18 h
 * @param maxPayloadBytes larger payloads are rejected as {@code TOO_LARGE} before parsing
 * @param rejectLogPeriod each node's (or topic's) rejects are logged at most once per period;
 *     every reject is still counted
 */
public record TelemetrySettings(MqttEndpoint endpoint, Topics topics, String clientId,
    Duration keepAlive, int maxPayloadBytes, Duration rejectLogPeriod) {
  /** MQTT's keep alive is a two-byte number of seconds. */
  private static final long MAX_KEEP_ALIVE_SECONDS = 65_535;
  private static final int MAX_CLIENT_ID_CHARS = 256;

  public TelemetrySettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(rejectLogPeriod, "rejectLogPeriod");
    if (clientId.isBlank() || clientId.length() > MAX_CLIENT_ID_CHARS) {
      throw new IllegalArgumentException("clientId must be 1-" + MAX_CLIENT_ID_CHARS
          + " characters and not blank, was '" + clientId + "'");
    }
    if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > MAX_KEEP_ALIVE_SECONDS
        || keepAlive.toNanosPart() != 0) {
      throw new IllegalArgumentException("keepAlive must be whole seconds from 1 s to "
          + MAX_KEEP_ALIVE_SECONDS + " s, was " + keepAlive + " (MQTT counts it in seconds)");
    }
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be >= 1 byte, was "
          + maxPayloadBytes + " (64 KiB = 65536 is the default)");
    }
    if (rejectLogPeriod.isNegative()) {
      throw new IllegalArgumentException("rejectLogPeriod must not be negative, was "
          + rejectLogPeriod);
    }
  }

  /**
   * The defaults: topics under {@code kelvin/v1}, client id {@code kelvin-controller-<host
   * name>}, keep alive 30 s, payloads up to 64 KiB, rejects logged once a minute per node. The
   * client id is stable across restarts on purpose: the subscription's session is persistent,
   * so a restarted controller receives what the broker queued while it was away; a random id
   * would instead orphan a queue on every restart. Controllers sharing one host and broker need
   * distinct ids ({@link #withClientId}).
   */
  public static TelemetrySettings defaults(MqttEndpoint endpoint) {
    return new TelemetrySettings(endpoint, Topics.defaults(), "kelvin-controller-" + hostName(),
        Duration.ofSeconds(30), 64 * 1024, Duration.ofMinutes(1));
  }

  /** This host's name, reduced to letters, digits and '-' (at most 40), or {@code local}. */
  static String hostName() {
    String name;
    try {
      name = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      name = "local";
    }
    String safe = name.replaceAll("[^A-Za-z0-9-]", "-");
    safe = safe.length() > 40 ? safe.substring(0, 40) : safe;
    return safe.isEmpty() ? "local" : safe;
  }

  public TelemetrySettings withTopics(Topics value) {
    return new TelemetrySettings(endpoint, value, clientId, keepAlive, maxPayloadBytes,
        rejectLogPeriod);
  }

  public TelemetrySettings withClientId(String value) {
    return new TelemetrySettings(endpoint, topics, value, keepAlive, maxPayloadBytes,
        rejectLogPeriod);
  }

  public TelemetrySettings withEndpoint(MqttEndpoint value) {
    return new TelemetrySettings(value, topics, clientId, keepAlive, maxPayloadBytes,
        rejectLogPeriod);
  }
}
