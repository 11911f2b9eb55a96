package dev.kelvin.simulator.engine;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.port.Policy;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.simulator.power.GpuPowerLimitCurve;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioSite;
import dev.kelvin.simulator.scenario.SiteGpus;
import dev.kelvin.simulator.trace.TraceJob;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** GPU sites and a controller that sends actions straight to the executor. */
final class GpuFixtures {
  private GpuFixtures() {}

  /** One site of {@code nodes} nodes with {@code gpus} V100s each, idle at 29 W. */
  static Scenario v100Site(int nodes, int gpus, Optional<Duration> sampleEvery) {
    return EngineFixtures.scenario(List.of(new ScenarioSite("a", nodes, OptionalDouble.empty(),
        300, 0.15, 20, ScenarioSite.DEFAULT_UPS_RUNTIME, List.of(), List.of(),
        SiteGpus.of(gpus, GpuPowerLimitCurve.V100))), sampleEvery, List.of());
  }

  static TraceJob gpuJob(long id, long submitS, int nodes, long runS, int gpusPerNode) {
    return new TraceJob(id, submitS, nodes, runS, runS, 1, gpusPerNode);
  }

  /**
   * A controller that records every snapshot and, at its first tick at or after each
   * {@code atS[k]}, executes {@code actions.get(k)} directly (bypassing the control loop, so
   * that nothing renews a lease), recording each result.
   */
  static ControlFactory direct(List<ClusterSnapshot> seen, List<ActionResult> results,
      double[] atS, List<Function<ActionMeta, Action>> actions, Duration lease) {
    return (cluster, executor, scheduler) -> {
      int[] next = {0};
      Policy policy = (snapshot, predictions) -> {
        seen.add(snapshot);
        double at = Duration.between(EngineFixtures.START, snapshot.at()).toMillis() / 1000.0;
        while (next[0] < atS.length && at >= atS[next[0]]) {
          ActionMeta meta = new ActionMeta(new ActionId("act-" + next[0]), "test-rule",
              "a test action", List.of(), snapshot.at(), lease);
          Action action = actions.get(next[0]++).apply(meta);
          executor.execute(action).thenAccept(results::add);
        }
        return List.of();
      };
      ControlLoop.Ports ports = new ControlLoop.Ports(cluster, Predictor.NONE, policy,
          (proposal, snapshot) -> new GuardDecision.Approved(proposal, List.of()), executor,
          new InMemoryAuditLog(1000));
      return new ControlLoop(ports, scheduler.clock());
    };
  }
}
