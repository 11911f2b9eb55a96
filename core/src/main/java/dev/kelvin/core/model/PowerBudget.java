package dev.kelvin.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A power budget: the most power a site, or one rack of it, may draw, in watts, as the
 * operator (or the utility contract) sets it. The policy keeps the measured and forecast power
 * under it.
 *
 * @param rack the rack it applies to; empty for the whole site
 */
public record PowerBudget(SiteId site, Optional<RackId> rack, double limitWatts) {
  /** A larger budget is likely milliwatts: no site draws a gigawatt. */
  public static final double MAX_WATTS = 1e9;

  public PowerBudget {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(rack, "rack");
    if (!(limitWatts > 0 && limitWatts <= MAX_WATTS)) {
      throw new IllegalArgumentException("power budget of " + scope(site, rack)
          + " must be within (0, 1e9] W, was " + limitWatts
          + (limitWatts > MAX_WATTS ? " (milliwatts? give watts)" : ""));
    }
  }

  public static PowerBudget ofSite(SiteId site, double limitWatts) {
    return new PowerBudget(site, Optional.empty(), limitWatts);
  }

  public static PowerBudget ofRack(SiteId site, RackId rack, double limitWatts) {
    return new PowerBudget(site, Optional.of(rack), limitWatts);
  }

  /** {@code site-a} or {@code site-a/r2}. */
  public String scope() {
    return scope(site, rack);
  }

  private static String scope(SiteId site, Optional<RackId> rack) {
    return rack.map(r -> site + "/" + r).orElse(String.valueOf(site));
  }
}
