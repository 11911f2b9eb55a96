package dev.kelvin.policy.rules;

import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;

/**
 * One rack with a power budget set for it: the budget and the summed latest power of the
 * rack's nodes that are not stale. Racks without a budget get no fact.
 */
public record RackFact(SiteId site, RackId rack, double budgetWatts, double powerWatts,
    int nodes) {

  /** The power the budget leaves, in watts (negative when over). */
  public double headroomWatts() {
    return budgetWatts - powerWatts;
  }
}
