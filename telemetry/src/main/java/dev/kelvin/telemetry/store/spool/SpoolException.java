package dev.kelvin.telemetry.store.spool;

/**
 * The spool could not open its folder, or the disk failed it while writing or reading. The
 * message names the file and a likely cause, so that a person can fix it without reading code.
 */
public final class SpoolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpoolException(String message, Throwable cause) {
    super(message, cause);
  }

  public SpoolException(String message) {
    super(message);
  }
}
