package dev.kelvin.predictor.telemetry;

/** A telemetry file that cannot be used, with the file, the line where it applies, and why. */
public final class TelemetryDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TelemetryDataException(String message) {
    super(message);
  }
}
