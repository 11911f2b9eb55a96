package dev.kelvin.simulator.engine;

import static dev.kelvin.simulator.engine.GpuFixtures.direct;
import static dev.kelvin.simulator.engine.GpuFixtures.gpuJob;
import static dev.kelvin.simulator.engine.GpuFixtures.v100Site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.simulator.report.JobOutcome;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.trace.TraceJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * GPU power and limits in the planning engine, against the V100 curve's own numbers (Zeus):
 * at 250 W (its highest limit) throughput 1 and 176.9 W on average; at 150 W 0.899 and
 * 125.3 W; at 100 W (its lowest) 0.725 and 93.5 W. An idle V100 draws 29 W. The node's CPUs
 * draw 100 W idle and 200 W busy (EngineFixtures).
 */
class GpuPowerTest {
  private static final double J_PER_KWH = 3.6e6;
  /** Idle node: CPUs 100 W, four idle GPUs at 29 W. */
  private static final double IDLE_NODE_W = 100 + 4 * 29;
  /** Busy node, two of its four GPUs held at 250 W: 200 + 2 * 176.9 + 2 * 29. */
  private static final double BUSY_NODE_W = 200 + 2 * 176.9 + 2 * 29;

  private final List<ClusterSnapshot> seen = new ArrayList<>();
  private final List<ActionResult> results = new ArrayList<>();

  private static SimulationResult run(Scenario scenario, List<TraceJob> jobs, double horizonS,
      Optional<ControlFactory> control) {
    return new SimulationEngine(EngineFixtures.setup(scenario, jobs, horizonS, control))
        .run(Progress.NONE);
  }

  private ControlFactory limits(Duration lease, double[] atS,
      List<Function<ActionMeta, Action>> actions) {
    return direct(seen, results, atS, actions, lease);
  }

  private static Function<ActionMeta, Action> limit(String node, int gpu, double watts) {
    return meta -> new SetGpuPowerLimit(meta, NodeId.of("a", node), gpu, watts);
  }

  @Test
  void an_unlimited_gpu_job_runs_its_trace_time_with_its_gpus_at_full_limit_power() {
    SimulationResult result = run(v100Site(1, 4, Optional.empty()),
        List.of(gpuJob(1, 10, 1, 3600, 2)), 0, Optional.empty());

    assertThat(result.jobs().get(0).endS()).isCloseTo(3610, within(1e-6));
    double expectedJ = 10 * IDLE_NODE_W + 3600 * BUSY_NODE_W;
    assertThat(result.summary().itEnergyKwh()).isCloseTo(expectedJ / J_PER_KWH, within(1e-9));
  }

  @Test
  void a_gpu_limit_stretches_the_job_by_the_curves_throughput_and_draws_its_average_power() {
    // GPU 0 limited to 150 W at the first tick (5 s), before the job starts at 10 s
    SimulationResult result = run(v100Site(1, 4, Optional.empty()),
        List.of(gpuJob(1, 10, 1, 3600, 2)), 0, Optional.of(limits(Duration.ofDays(1),
            new double[] {0}, List.of(limit("n0001", 0, 150)))));

    // the slower of its two GPUs sets the pace: 3600 s of work at 0.899 take 4004.449 s
    double runS = 3600 / 0.899;
    JobOutcome outcome = result.jobs().get(0);
    assertThat(outcome.runS()).isCloseTo(runS, within(1e-6));
    assertThat(outcome.runtimeStretchPct()).isCloseTo((1 / 0.899 - 1) * 100, within(1e-9));
    // an idle GPU draws 29 W whatever its limit; busy: 200 + 125.3 + 176.9 + 2 * 29 = 560.2 W
    double expectedJ = 10 * IDLE_NODE_W + runS * (200 + 125.3 + 176.9 + 2 * 29);
    assertThat(result.summary().itEnergyKwh()).isCloseTo(expectedJ / J_PER_KWH, within(1e-9));
    assertThat(results).singleElement().satisfies(applied -> {
      assertThat(applied.outcome()).isEqualTo(Outcome.APPLIED);
      assertThat(applied.before()).hasValue(250);
      assertThat(applied.after()).hasValue(150);
    });
    assertThat(result.summary().actions()).containsEntry("set_gpu_power_limit", 1L);
  }

  @Test
  void a_job_on_two_nodes_runs_at_the_pace_of_the_node_whose_gpu_is_limited() {
    SimulationResult result = run(v100Site(2, 4, Optional.empty()),
        List.of(gpuJob(1, 10, 2, 3600, 2)), 0, Optional.of(limits(Duration.ofDays(1),
            new double[] {0}, List.of(limit("n0002", 1, 100)))));

    assertThat(result.jobs().get(0).runS()).isCloseTo(3600 / 0.725, within(1e-6));
  }

  @Test
  void a_limit_outside_the_gpus_range_is_clamped_to_it_and_read_back() {
    run(v100Site(1, 4, Optional.empty()), List.of(gpuJob(1, 0, 1, 600, 4)), 0,
        Optional.of(limits(Duration.ofDays(1), new double[] {0, 100},
            List.of(limit("n0001", 2, 80), limit("n0001", 3, 400)))));

    assertThat(results).extracting(ActionResult::outcome)
        .containsExactly(Outcome.APPLIED, Outcome.APPLIED);
    assertThat(results.get(0).after()).hasValue(100);
    assertThat(results.get(0).detail()).contains("clamped to the V100's range 100..250 W");
    assertThat(results.get(1).after()).hasValue(250);
    // the next snapshot reports the clamped limit and the range it was clamped to
    var gpu2 = seen.get(seen.size() - 1).nodes().get(NodeId.of("a", "n0001")).latest()
        .devices().get(dev.kelvin.core.model.Device.gpu(2));
    assertThat(gpu2.getOrNaN(dev.kelvin.core.model.NodeMetric.GPU_POWER_LIMIT_WATTS))
        .isEqualTo(100);
    assertThat(gpu2.getOrNaN(dev.kelvin.core.model.NodeMetric.GPU_POWER_LIMIT_MIN_WATTS))
        .isEqualTo(100);
    assertThat(gpu2.getOrNaN(dev.kelvin.core.model.NodeMetric.GPU_POWER_LIMIT_MAX_WATTS))
        .isEqualTo(250);
  }

  @Test
  void a_gpu_limit_reverts_when_its_lease_runs_out_and_the_job_speeds_up_again() {
    // limited to 150 W at 5 s with a 1000 s lease: back to 250 W at 1005 s
    SimulationResult result = run(v100Site(1, 4, Optional.empty()),
        List.of(gpuJob(1, 10, 1, 3600, 2)), 0, Optional.of(limits(Duration.ofSeconds(1000),
            new double[] {0}, List.of(limit("n0001", 0, 150)))));

    // 995 s at 0.899 do 894.505 s of work; the other 2705.495 s run at full speed
    double endS = 1005 + (3600 - 995 * 0.899);
    assertThat(result.jobs().get(0).endS()).isCloseTo(endS, within(1e-6));
    double expectedJ = 10 * IDLE_NODE_W + 995 * (200 + 125.3 + 176.9 + 2 * 29)
        + (endS - 1005) * BUSY_NODE_W;
    assertThat(result.summary().itEnergyKwh()).isCloseTo(expectedJ / J_PER_KWH, within(1e-9));
  }
}
