package dev.kelvin.telemetry.broker;

/** The embedded broker could not start or stop; the message says why and what to do. */
public class BrokerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrokerException(String message, Throwable cause) {
    super(message, cause);
  }

  public BrokerException(String message) {
    super(message);
  }
}
