package dev.kelvin.telemetry;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.security.SecureRandom;
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
  private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

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
   * The defaults: topics under {@code kelvin/v1}, client id {@code kelvin-controller-<6
   * random characters>}, keep alive 30 s, payloads up to 64 KiB, rejects logged once a minute
   * per node.
   */
  public static TelemetrySettings defaults(MqttEndpoint endpoint) {
    return new TelemetrySettings(endpoint, Topics.defaults(), "kelvin-controller-" + shortRandom(),
        Duration.ofSeconds(30), 64 * 1024, Duration.ofMinutes(1));
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

  private static String shortRandom() {
    SecureRandom random = new SecureRandom();
    char[] chars = new char[6];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
    }
    return new String(chars);
  }
}
