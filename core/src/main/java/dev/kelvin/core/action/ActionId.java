package dev.kelvin.core.action;

import java.util.Objects;

/** Identifies one action across the audit log, the wire and the dashboard. */
public record ActionId(String value) {
  public ActionId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException("action id must be 1-64 characters, was '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
