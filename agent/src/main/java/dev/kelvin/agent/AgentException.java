package dev.kelvin.agent;

/**
 * The agent cannot run as configured: the broker refused its login or client id. The message
 * says what to change; retrying without a change will not help.
 */
public final class AgentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AgentException(String message) {
    super(message);
  }
}
