package dev.kelvin.policy;

/**
 * The rule base could not be compiled or could not run. The message says which rule file and
 * line, or which rule and snapshot, and what to fix.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
