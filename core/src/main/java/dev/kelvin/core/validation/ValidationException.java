package dev.kelvin.core.validation;

import java.util.Objects;

/**
 * An input that Kelvin refuses, with the reason it is counted under and the field at fault.
 * The message names the field, the unit and the bad value, and where possible a likely cause,
 * so that whoever reads a log line can fix the sender without reading Kelvin's code.
 */
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final RejectReason reason;
  private final String field;

  public ValidationException(RejectReason reason, String field, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = Objects.requireNonNull(field, "field");
  }

  public RejectReason reason() {
    return reason;
  }

  /** The wire or record field at fault; {@code "payload"} when the whole input is. */
  public String field() {
    return field;
  }
}
