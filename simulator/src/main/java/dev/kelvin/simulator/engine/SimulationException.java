package dev.kelvin.simulator.engine;

/** A run that cannot go on or cannot finish: it stops, and no report is written. */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationException(String message) {
    super(message);
  }

  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }
}
