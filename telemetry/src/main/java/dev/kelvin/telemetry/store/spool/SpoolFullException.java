package dev.kelvin.telemetry.store.spool;

/** An append that would take the spool past its size limit; the record was not kept. */
public final class SpoolFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpoolFullException(String message) {
    super(message);
  }
}
