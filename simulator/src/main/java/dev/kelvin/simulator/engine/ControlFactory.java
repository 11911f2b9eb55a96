package dev.kelvin.simulator.engine;

import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.time.Scheduler;

/**
 * Builds the control loop of a run around the simulator's cluster view, action executor and
 * virtual scheduler. The simulator never depends on the policy or the predictor: the
 * composition root ({@code app}) wires the same rules, guard, predictor and audit log as in
 * production behind this factory.
 */
@FunctionalInterface
public interface ControlFactory {
  ControlLoop create(ClusterView cluster, ActionExecutor executor, Scheduler scheduler);
}
