package dev.kelvin.simulator.trace;

/** A trace file that is not valid Standard Workload Format, with where and why. */
public final class SwfFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SwfFormatException(String message) {
    super(message);
  }

  public SwfFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
