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
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.trace.TraceJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What GPU nodes report and draw in each state, GPU limits refused, and determinism. */
class GpuTelemetryTest {
  private static final double J_PER_KWH = 3.6e6;

  private final List<ClusterSnapshot> seen = new ArrayList<>();
  private final List<ActionResult> results = new ArrayList<>();

  private SimulationResult run(Scenario scenario, List<TraceJob> jobs, double horizonS,
      double[] atS, List<Function<ActionMeta, Action>> actions) {
    ControlFactory control = direct(seen, results, atS, actions, Duration.ofDays(1));
    return new SimulationEngine(EngineFixtures.setup(scenario, jobs, horizonS,
        Optional.of(control))).run(Progress.NONE);
  }

  private static SortedMap<Device, MetricValues> gpusAt(ClusterSnapshot snapshot, String node) {
    return snapshot.nodes().get(NodeId.of("a", node)).latest().devices(Device.Kind.GPU);
  }

  private ClusterSnapshot snapshotAt(double atS) {
    return seen.stream().filter(s -> s.at().equals(EngineFixtures.START.plusMillis(
        (long) (atS * 1000)))).findFirst().orElseThrow();
  }

  @Test
  void busy_gpus_report_their_limit_power_and_idle_ones_the_idle_power() {
    run(v100Site(1, 4, Optional.empty()), List.of(gpuJob(1, 100, 1, 600, 3)), 0,
        new double[0], List.of());

    SortedMap<Device, MetricValues> idle = gpusAt(snapshotAt(50), "n0001");
    assertThat(idle.values()).extracting(v -> v.getOrNaN(NodeMetric.GPU_POWER_WATTS))
        .containsExactly(29.0, 29.0, 29.0, 29.0);
    SortedMap<Device, MetricValues> busy = gpusAt(snapshotAt(200), "n0001");
    assertThat(busy.values()).extracting(v -> v.getOrNaN(NodeMetric.GPU_POWER_WATTS))
        .containsExactly(176.9, 176.9, 176.9, 29.0);
    assertThat(busy.values()).extracting(v -> v.getOrNaN(NodeMetric.GPU_UTIL_RATIO))
        .containsExactly(1.0, 1.0, 1.0, 0.0);
    NodeReading node = snapshotAt(200).nodes().get(NodeId.of("a", "n0001")).latest();
    assertThat(node.powerWatts()).hasValue(200 + 3 * 176.9 + 29);
  }

  @Test
  void a_suspended_nodes_gpus_draw_nothing() {
    // n0002 suspended at the first tick (5 s): 5 s at 100 + 4 * 29 W, then 5 W (its BMC)
    SimulationResult result = run(v100Site(2, 4, Optional.empty()), List.of(), 3600,
        new double[] {0}, List.of(meta -> new SuspendNode(meta, NodeId.of("a", "n0002"))));

    assertThat(results).extracting(ActionResult::outcome).containsExactly(Outcome.APPLIED);
    double expectedJ = 3600 * 216 + 5 * 216 + 3595 * 5;
    assertThat(result.summary().itEnergyKwh()).isCloseTo(expectedJ / J_PER_KWH, within(1e-9));
  }

  @Test
  void a_limit_on_a_gpu_the_node_does_not_have_is_rejected_and_changes_nothing() {
    run(v100Site(1, 4, Optional.empty()), List.of(), 60, new double[] {0},
        List.of(meta -> new SetGpuPowerLimit(meta, NodeId.of("a", "n0001"), 4, 150)));

    assertThat(results).singleElement().satisfies(refused -> {
      assertThat(refused.outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(refused.detail()).isEqualTo("a/n0001 has 4 GPUs, gpu 0..3; no gpu 4");
    });
    assertThat(gpusAt(seen.get(seen.size() - 1), "n0001").values())
        .extracting(v -> v.getOrNaN(NodeMetric.GPU_POWER_LIMIT_WATTS))
        .containsOnly(250.0);
  }

  @Test
  void a_node_without_gpus_reports_none_and_rejects_a_gpu_limit() {
    run(EngineFixtures.scenario(1, 20, Optional.empty()), List.of(), 60, new double[] {0},
        List.of(meta -> new SetGpuPowerLimit(meta, NodeId.of("a", "n0001"), 0, 150)));

    assertThat(results).extracting(ActionResult::outcome).containsExactly(Outcome.REJECTED);
    assertThat(seen.get(0).nodes().get(NodeId.of("a", "n0001")).latest().devices()).isEmpty();
  }

  @Test
  void the_window_carries_each_samples_gpu_limit_so_a_change_shows_when_it_happened() {
    // sampled every 10 s; GPU 1 limited to 200 W at the tick at 30 s
    run(v100Site(1, 2, Optional.of(Duration.ofSeconds(10))),
        List.of(gpuJob(1, 0, 1, 300, 2)), 0, new double[] {30},
        List.of(meta -> new SetGpuPowerLimit(meta, NodeId.of("a", "n0001"), 1, 200)));

    List<NodeReading> window = snapshotAt(60).nodes().get(NodeId.of("a", "n0001")).window();
    assertThat(window).extracting(r -> r.at().getEpochSecond()
            - EngineFixtures.START.getEpochSecond(),
        r -> r.get(NodeMetric.GPU_POWER_LIMIT_WATTS, Optional.of(Device.gpu(1))).orElseThrow())
        .containsSubsequence(org.assertj.core.groups.Tuple.tuple(30L, 250.0),
            org.assertj.core.groups.Tuple.tuple(40L, 200.0),
            org.assertj.core.groups.Tuple.tuple(60L, 200.0));
  }

  @Test
  void the_same_gpu_setup_gives_the_same_result() {
    List<TraceJob> jobs = List.of(gpuJob(1, 0, 1, 700, 4), gpuJob(2, 30, 2, 400, 1),
        gpuJob(3, 31, 1, 90, 0), gpuJob(4, 500, 3, 1000, 2));
    List<Function<ActionMeta, Action>> actions = List.of(
        meta -> new SetGpuPowerLimit(meta, NodeId.of("a", "n0002"), 0, 120),
        meta -> new SetGpuPowerLimit(meta, NodeId.of("a", "n0003"), 1, 175));
    SimulationResult first = run(v100Site(3, 4, Optional.of(Duration.ofSeconds(60))), jobs, 0,
        new double[] {20, 600}, actions);
    SimulationResult second = run(v100Site(3, 4, Optional.of(Duration.ofSeconds(60))), jobs, 0,
        new double[] {20, 600}, actions);

    assertThat(second.summary()).isEqualTo(first.summary());
    assertThat(second.jobs()).isEqualTo(first.jobs());
    assertThat(second.sites().get(0).powerW().values())
        .containsExactly(first.sites().get(0).powerW().values());
    assertThat(first.jobs()).extracting(j -> j.runS() > j.traceRunS()).contains(true);
  }
}
