package dev.kelvin.core.action;

import dev.kelvin.core.model.SiteId;
import java.util.Objects;

/** Fail the workload of site {@code from} over to site {@code to}. */
public record FailoverSite(ActionMeta meta, SiteId from, SiteId to) implements Action {
  public FailoverSite {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("failover needs two different sites, got " + from
          + " twice");
    }
  }

  @Override
  public String target() {
    return from.toString();
  }

  @Override
  public ActionType type() {
    return ActionType.FAILOVER_SITE;
  }

  @Override
  public String describe() {
    return "fail over to " + to;
  }
}
