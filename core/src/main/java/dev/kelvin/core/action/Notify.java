package dev.kelvin.core.action;

import java.util.Objects;

/** Tell the operators something that needs a person, without touching any hardware. */
public record Notify(ActionMeta meta, Severity severity, String subject, String message)
    implements Action {
  /** How urgent the notice is. */
  public enum Severity { INFO, WARNING, CRITICAL }

  public Notify {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String target() {
    return subject;
  }

  @Override
  public ActionType type() {
    return ActionType.NOTIFY;
  }

  @Override
  public String describe() {
    return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
