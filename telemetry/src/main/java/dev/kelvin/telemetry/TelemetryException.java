package dev.kelvin.telemetry;

/**
 * Telemetry ingestion could not start or talk to its broker. The message names the broker and
 * a likely cause, so that a person can fix the setting without reading Kelvin's code.
 */
public final class TelemetryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TelemetryException(String message, Throwable cause) {
    super(message, cause);
  }

  public TelemetryException(String message) {
    super(message);
  }
}
