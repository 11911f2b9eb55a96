package dev.kelvin.datasets.failure;

/** A failure log that cannot be read as its format says, with the file, line, column and why. */
public final class FailureDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FailureDataException(String message) {
    super(message);
  }

  public FailureDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
