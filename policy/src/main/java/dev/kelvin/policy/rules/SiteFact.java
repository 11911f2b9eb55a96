package dev.kelvin.policy.rules;

import dev.kelvin.core.model.SiteId;

/**
 * One site as the rules see it: its power budget and the power its fresh nodes draw now, how
 * many nodes it has and how many are stale, how long since any of its nodes was heard from
 * (a site that went silent as a whole has lost its lease with the controller), the latest grid
 * carbon intensity and price and outdoor temperature, and how many alarms are open. A value not
 * known is {@code NaN}.
 *
 * @param budgetWatts the site's power budget; NaN when none is set
 * @param powerWatts the summed latest power of the site's nodes that are not stale
 * @param silentSeconds the least time since any of its nodes was heard from; NaN with no nodes
 */
public record SiteFact(SiteId site, double budgetWatts, double powerWatts, int nodes,
    int staleNodes, double silentSeconds, double carbonGramsPerKwh, double pricePerKwh,
    double outdoorCelsius, int openAlarms) {

  /** The power the budget leaves, in watts (negative when over); NaN without a budget. */
  public double headroomWatts() {
    return budgetWatts - powerWatts;
  }

  /** Whether every node of the site is stale: nothing of it is heard now. */
  public boolean silent() {
    return nodes > 0 && staleNodes == nodes;
  }
}
