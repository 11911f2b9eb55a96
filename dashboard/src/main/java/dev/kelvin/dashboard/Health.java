package dev.kelvin.dashboard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The controller's health as {@code /health} reports it: an overall status and one entry per
 * component (broker, store, control loop...), in the order the caller gave them.
 */
public record Health(Status status, Map<String, Component> components) {

  /** How well something works. {@code /health} answers 503 only for {@link #DOWN}. */
  public enum Status {
    /** Working. */
    UP,
    /** Working with reduced function, e.g. the store is down but the spool holds readings. */
    DEGRADED,
    /** Not working. */
    DOWN
  }

  /** One component's status and a detail a person can act on. */
  public record Component(Status status, String detail) {
    public Component {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(detail, "detail");
    }
  }

  public Health {
    Objects.requireNonNull(status, "status");
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }

  /** Health whose status is the worst of {@code components}' ({@link Status#UP} when none). */
  public static Health of(Map<String, Component> components) {
    Status worst = Status.UP;
    for (Component component : components.values()) {
      if (component.status().compareTo(worst) > 0) {
        worst = component.status();
      }
    }
    return new Health(worst, components);
  }
}
