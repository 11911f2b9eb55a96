package dev.kelvin.app.agent;

import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.simulator.NodeSpec;
import dev.kelvin.simulator.SimulatedSite;
import dev.kelvin.simulator.workload.RandomWorkload;
import dev.kelvin.simulator.workload.SteadyWorkload;
import dev.kelvin.simulator.workload.Workload;
import dev.kelvin.simulator.workload.WorkloadSpec;
import java.time.Instant;

/**
 * The {@code simulated} section of {@code agent.yaml}: the node the agent plays until it reads
 * real Linux hardware, the demo's two-socket server at an inlet temperature, running either
 * the demo's seeded random jobs or a steady load.
 *
 * @param inletCelsius the inlet air temperature, °C
 * @param workload {@code demo} (random jobs) or {@code steady}
 * @param steadyLoad the share of capacity a steady load uses
 * @param seed the seed of the jobs and the sensor noise
 */
public record SimulatedHardware(double inletCelsius, Load workload, double steadyLoad,
    long seed) {
  /** What the simulated node runs. */
  public enum Load { DEMO, STEADY }

  static SimulatedHardware read(ConfigTree section) {
    double inlet = section.decimal("inlet_c", 24, -20, 70);
    Load load = section.enumValue("workload", Load.class, Load.DEMO);
    double steady = section.decimal("steady_load", 0.9, 0.01, 1);
    long seed = section.longInteger("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    return new SimulatedHardware(inlet, load, steady, seed);
  }

  /** A one-node site playing {@code node} in {@code rack}, starting at {@code start}. */
  SimulatedSite site(NodeId node, RackId rack, Instant start) {
    Workload jobs = workload == Load.STEADY ? new SteadyWorkload(steadyLoad)
        : new RandomWorkload(WorkloadSpec.demo(), seed);
    return SimulatedSite.single(node, rack, NodeSpec.defaults(), inletCelsius, jobs, seed,
        start);
  }

  /** As people read it: {@code steady 90 % load at 24 °C inlet}. */
  String describe() {
    String load = workload == Load.STEADY ? "steady " + Math.round(steadyLoad * 100) + " % load"
        : "the demo's random jobs (seed " + seed + ")";
    return load + " at " + inletCelsius + " °C inlet";
  }
}
