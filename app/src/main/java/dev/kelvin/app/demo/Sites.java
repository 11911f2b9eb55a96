package dev.kelvin.app.demo;

import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.simulator.SiteSpec;
import java.util.ArrayList;
import java.util.List;

/** The demo's site, rule and guard settings, derived from the command-line options. */
final class Sites {
  private Sites() {}

  /**
   * The demo site resized to the requested racks and nodes; racks beyond the demo's take
   * the inlet temperatures of the demo's racks in turn, so every other rack runs hot.
   */
  static SiteSpec spec(DemoOptions options) {
    SiteSpec demo = SiteSpec.demo();
    List<Double> inlets = new ArrayList<>();
    for (int rack = 0; rack < options.racks(); rack++) {
      inlets.add(demo.rackInletCelsius().get(rack % demo.rackInletCelsius().size()));
    }
    return new SiteSpec(demo.site(), options.racks(), options.nodesPerRack(), demo.node(),
        inlets, demo.workload());
  }

  static PolicySettings policySettings() {
    return PolicySettings.defaults();
  }

  static GuardSettings guardSettings(boolean dryRun) {
    GuardSettings defaults = GuardSettings.defaults();
    return new GuardSettings(dryRun ? GuardSettings.Mode.DRY_RUN : GuardSettings.Mode.AUTO,
        defaults.minDwell(), defaults.maxLease());
  }
}
