package dev.kelvin.simulator.power;

/** A power data file that cannot be read as its format says, with the file, line and column. */
public final class PowerDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PowerDataException(String message) {
    super(message);
  }

  public PowerDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
