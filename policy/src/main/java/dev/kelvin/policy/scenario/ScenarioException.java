package dev.kelvin.policy.scenario;

/**
 * A scenario file Kelvin cannot read. The message names the file, the scenario and the key,
 * and says what is wrong.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
