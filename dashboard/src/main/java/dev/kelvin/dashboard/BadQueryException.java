package dev.kelvin.dashboard;

/**
 * A query parameter outside what an endpoint accepts; answered as 400 with a JSON body naming
 * the parameter, the value sent and the accepted range.
 */
final class BadQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final String value;
  private final String accepted;

  BadQueryException(String parameter, String value, String accepted) {
    super("query parameter '" + parameter + "' must be " + accepted + ", was '" + value + "'");
    this.parameter = parameter;
    this.value = value;
    this.accepted = accepted;
  }

  /** The body of the 400 answer. */
  record Body(String error, String parameter, String value, String accepted) {}

  Body body() {
    return new Body(getMessage(), parameter, value, accepted);
  }
}
