package dev.kelvin.mqtt;

import java.util.Objects;

/**
 * Why talking to the broker failed, in words a person can act on, and whether trying again
 * later can help.
 */
public record MqttFailure(Kind kind, String message) {
  /** The families of failure that callers treat differently. */
  public enum Kind {
    /** No broker answered: not running, wrong host or port, network down. Retry. */
    UNREACHABLE(true),
    /** The broker refused the login, the client id or the TLS handshake: fix the settings. */
    REFUSED(false),
    /** The connection dropped, or was never up. Retry after reconnecting. */
    DISCONNECTED(true),
    /**
     * Another client connected with the same client id and took the session over: two
     * processes share one identity. Retried at the slowest pace only, or the two would take
     * the session from each other forever.
     */
    TAKEN_OVER(true),
    /** Too many messages in flight. Retry shortly. */
    BUSY(true),
    /** The broker refused this one message or subscription (its ACL, a size or quota limit). */
    MESSAGE_REFUSED(false),
    /** Anything else; treated as transient. */
    OTHER(true);

    private final boolean retriable;

    Kind(boolean retriable) {
      this.retriable = retriable;
    }
  }

  public MqttFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** Whether the same operation may succeed later without a configuration change. */
  public boolean retriable() {
    return kind.retriable;
  }

  @Override
  public String toString() {
    return message;
  }
}
