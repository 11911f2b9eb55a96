package dev.kelvin.datasets.load;

/** A load trace that cannot be read: the message names the file and why. */
public final class LoadDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LoadDataException(String message) {
    super(message);
  }

  public LoadDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
