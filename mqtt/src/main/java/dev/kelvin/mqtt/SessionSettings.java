package dev.kelvin.mqtt;

import dev.kelvin.core.wire.MqttEndpoint;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one session connects.
 *
 * @param endpoint the broker, the login and TLS
 * @param clientId the MQTT client id; two sessions with one id take each other's session over
 * @param sessionExpiry {@link Duration#ZERO} for a clean session on every connect; otherwise
 *     how long the broker keeps the session (subscriptions and queued QoS 1 messages) while
 *     the client is away, so that a restart or reconnect under the same id loses nothing
 * @param will what the broker publishes (QoS 1) when the client vanishes without a clean
 *     disconnect
 * @param reconnect how reconnects are paced
 * @param keepAlive how often an idle connection is pinged; whole seconds, 1 s to 18 h
 * @param connectTimeout how long a connect may take before it counts as failed
 */
public record SessionSettings(MqttEndpoint endpoint, String clientId, Duration sessionExpiry,
    Optional<Will> will, ReconnectPacing reconnect, Duration keepAlive,
    Duration connectTimeout) {
  /** MQTT's keep alive and session expiry fit in their wire fields only this large. */
  private static final long MAX_KEEP_ALIVE_SECONDS = 65_535;
  private static final int MAX_CLIENT_ID_CHARS = 256;

  /** A message the broker publishes for a client that vanished. */
  public record Will(String topic, String payload, boolean retained) {
    public Will {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(payload, "payload");
    }
  }

  public SessionSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
    Objects.requireNonNull(will, "will");
    Objects.requireNonNull(reconnect, "reconnect");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (clientId.isBlank() || clientId.length() > MAX_CLIENT_ID_CHARS) {
      throw new IllegalArgumentException("MQTT client id must be 1-" + MAX_CLIENT_ID_CHARS
          + " characters and not blank, was '" + clientId + "'");
    }
    if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("sessionExpiry must be within 0 s..136 years, was "
          + sessionExpiry);
    }
    requireWholeSeconds("keepAlive", keepAlive, 1, MAX_KEEP_ALIVE_SECONDS);
    requireWholeSeconds("connectTimeout", connectTimeout, 1, 300);
  }

  /** A clean session with default pacing, a 30 s keep alive and a 10 s connect timeout. */
  public static SessionSettings clean(MqttEndpoint endpoint, String clientId) {
    return new SessionSettings(endpoint, clientId, Duration.ZERO, Optional.empty(),
        ReconnectPacing.defaults(), Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  /** A session the broker keeps for {@code expiry} while the client is away. */
  public static SessionSettings persistent(MqttEndpoint endpoint, String clientId,
      Duration expiry) {
    return clean(endpoint, clientId).withSessionExpiry(expiry);
  }

  public boolean cleanSession() {
    return sessionExpiry.isZero();
  }

  public SessionSettings withSessionExpiry(Duration value) {
    return new SessionSettings(endpoint, clientId, value, will, reconnect, keepAlive,
        connectTimeout);
  }

  /** With a retained Last Will of {@code payload} on {@code topic}. */
  public SessionSettings withWill(String topic, String payload) {
    return new SessionSettings(endpoint, clientId, sessionExpiry,
        Optional.of(new Will(topic, payload, true)), reconnect, keepAlive, connectTimeout);
  }

  public SessionSettings withReconnect(ReconnectPacing value) {
    return new SessionSettings(endpoint, clientId, sessionExpiry, will, value, keepAlive,
        connectTimeout);
  }

  public SessionSettings withKeepAlive(Duration value) {
    return new SessionSettings(endpoint, clientId, sessionExpiry, will, reconnect, value,
        connectTimeout);
  }

  public SessionSettings withConnectTimeout(Duration value) {
    return new SessionSettings(endpoint, clientId, sessionExpiry, will, reconnect, keepAlive,
        value);
  }

  private static void requireWholeSeconds(String field, Duration value, long min, long max) {
    if (value.toNanosPart() != 0 || value.toSeconds() < min || value.toSeconds() > max) {
      throw new IllegalArgumentException(field + " must be whole seconds from " + min + " s to "
          + max + " s, was " + value + " (MQTT counts it in seconds)");
    }
  }
}
