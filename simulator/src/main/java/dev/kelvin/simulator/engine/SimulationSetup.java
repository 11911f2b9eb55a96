package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.model.DvfsModel;
import dev.kelvin.simulator.model.PowerModel;
import dev.kelvin.simulator.model.RcThermalModel;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.sched.BatchScheduler;
import dev.kelvin.simulator.trace.TraceJob;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run needs, resolved: the scenario, its jobs (sorted by submit time), when
 * the run starts, how long it lasts at least, the node models and the controller.
 *
 * @param horizonS the run lasts at least this long (the trace window), 0 for until the last
 *     job ends
 * @param nodePower node power by utilisation and clock (a SPECpower curve)
 * @param clock the CPU clock range, for frequency caps in MHz
 * @param thermal the CPU's first-order thermal model, driven by node power
 * @param cpuTempLimitC the CPU temperature limit nodes report
 * @param control the control loop's factory; empty for a run without control
 * @param failures the node failures planned for the run, and their precursors
 */
public record SimulationSetup(Scenario scenario, List<TraceJob> jobs, Instant start,
    double horizonS, PowerModel nodePower, DvfsModel clock, RcThermalModel thermal,
    double cpuTempLimitC, BatchScheduler batch, Optional<ControlFactory> control,
    FailureInputs failures) {
  public SimulationSetup {
    Objects.requireNonNull(scenario, "scenario");
    jobs = List.copyOf(jobs);
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(nodePower, "nodePower");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(thermal, "thermal");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(failures, "failures");
    for (int k = 1; k < jobs.size(); k++) {
      if (jobs.get(k).submitS() < jobs.get(k - 1).submitS()) {
        throw new IllegalArgumentException("jobs must be sorted by submit time: job "
            + jobs.get(k).id() + " at " + jobs.get(k).submitS() + " s follows job "
            + jobs.get(k - 1).id() + " at " + jobs.get(k - 1).submitS() + " s");
      }
    }
  }
}
