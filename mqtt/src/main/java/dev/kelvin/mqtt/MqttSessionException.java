package dev.kelvin.mqtt;

import java.util.Objects;

/** An MQTT operation failed; {@link #failure()} says why and whether retrying can help. */
public final class MqttSessionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient MqttFailure failure;

  public MqttSessionException(MqttFailure failure) {
    super(Objects.requireNonNull(failure, "failure").message(), null, false, false);
    this.failure = failure;
  }

  public MqttFailure failure() {
    return failure;
  }
}
