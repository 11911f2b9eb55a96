package dev.kelvin.app.demo;

import dev.kelvin.actuators.ActuatorSettings;
import dev.kelvin.app.controller.ControllerSettings;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.dashboard.DashboardSettings;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.simulator.SiteSpec;
import dev.kelvin.telemetry.TelemetrySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The demo's site and its controller's settings, derived from the command-line options. */
final class Sites {
  static final Duration STATUS_EVERY = Duration.ofSeconds(30);

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

  /**
   * The controller of the demo: every default, the broker at {@code endpoint}, and the
   * simulated site's {@code nodes} as the state's inventory, so any other node name is refused
   * ({@code unknown_node}) and never registers.
   */
  static ControllerSettings controller(DemoOptions options, MqttEndpoint endpoint,
      Collection<NodeId> nodes) {
    GuardSettings guard = GuardSettings.defaults().withMode(
        options.dryRun() ? GuardSettings.Mode.DRY_RUN : GuardSettings.Mode.AUTO);
    return new ControllerSettings(StateSettings.defaults().withInventory(Set.copyOf(nodes)),
        TelemetrySettings.defaults(endpoint),
        ActuatorSettings.defaults(endpoint), PolicySettings.defaults(), guard,
        new ControllerSettings.Audit(Optional.of(options.auditFile()), 10_000, "--audit-file"),
        options.tick(), STATUS_EVERY, Optional.of(new DashboardSettings(options.httpHost(),
            options.httpPort(), Duration.ofSeconds(1)).withAllowedHosts(
                options.httpAllowedHosts())), List.of());
  }
}
