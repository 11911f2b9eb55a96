package dev.kelvin.actuators;

/**
 * An actuator could not be set up or reached: the broker refused the login, was not there, or
 * refused the subscription. The message names the broker and a likely cause; the library's own
 * exception, where there was one, is the cause.
 */
public final class ActuatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ActuatorException(String message) {
    super(message);
  }

  public ActuatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
