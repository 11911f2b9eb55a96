package dev.kelvin.simulator.engine;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.Policy;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.simulator.model.DvfsModel;
import dev.kelvin.simulator.model.PowerModels;
import dev.kelvin.simulator.model.RcThermalModel;
import dev.kelvin.simulator.scenario.ControlSettings;
import dev.kelvin.simulator.scenario.CoolingSettings;
import dev.kelvin.simulator.scenario.FailureSettings;
import dev.kelvin.simulator.scenario.PowerSettings;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioEvent;
import dev.kelvin.simulator.scenario.ScenarioSite;
import dev.kelvin.simulator.scenario.TelemetrySettings;
import dev.kelvin.simulator.scenario.TraceSource;
import dev.kelvin.simulator.sched.BatchScheduler;
import dev.kelvin.simulator.sched.Placement;
import dev.kelvin.simulator.sched.QueuedJob;
import dev.kelvin.simulator.trace.TraceJob;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Small scenarios whose figures can be worked out by hand. */
final class EngineFixtures {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  /** Linear power 100 W idle, 200 W busy at full clock, dynamic part as the clock squared. */
  static final double IDLE_W = 100;
  static final double MAX_W = 200;

  private EngineFixtures() {}

  static Scenario scenario(int nodes, double outdoorC, Optional<Duration> sampleEvery) {
    return scenario(List.of(new ScenarioSite("a", nodes, OptionalDouble.of(40), 300, 0.15,
        outdoorC)), sampleEvery, List.of());
  }

  static Scenario scenario(List<ScenarioSite> sites, Optional<Duration> sampleEvery,
      List<ScenarioEvent> events) {
    return new Scenario("hand", 7,
        new TraceSource(Path.of("hand.swf"), TraceSource.Format.SWF, 0, OptionalDouble.empty(),
            1),
        sites,
        new ControlSettings(Duration.ofSeconds(5), "test"),
        new PowerSettings("test", 2, 0.8, 0.5, 5, Duration.ofMinutes(2)),
        new CoolingSettings(4, 20, 0.1, 1.5, 0.08),
        new TelemetrySettings(sampleEvery, 4),
        new FailureSettings(FailureSettings.NONE, 1, Duration.ofMinutes(30),
            OptionalDouble.empty(), Duration.ofHours(1), List.of()),
        Scenario.SchedulerKind.FCFS, events);
  }

  /** {@code scenario} with {@code share} of its trace's jobs marked deferrable. */
  static Scenario deferrable(Scenario scenario, double share) {
    TraceSource t = scenario.trace();
    return new Scenario(scenario.name(), scenario.seed(), new TraceSource(t.file(), t.format(),
        t.startDay(), t.days(), t.loadScale(), share), scenario.sites(), scenario.control(),
        scenario.power(), scenario.cooling(), scenario.telemetry(), scenario.failures(),
        scenario.scheduler(), scenario.events());
  }

  static ScenarioEvent event(ScenarioEvent.Kind kind, String site, long atS, long durationS) {
    return new ScenarioEvent(kind, Duration.ofSeconds(atS), Duration.ofSeconds(durationS), site,
        ScenarioEvent.DEFAULT_SUPPLY_RISE_K, ScenarioEvent.DEFAULT_SHUTDOWN_AFTER);
  }

  static SimulationSetup setup(Scenario scenario, List<TraceJob> jobs, double horizonS,
      Optional<ControlFactory> control) {
    return new SimulationSetup(scenario, jobs, START, horizonS,
        PowerModels.dvfs(IDLE_W, MAX_W, 2), new DvfsModel(1500, 3000),
        new RcThermalModel(0.16, Duration.ofSeconds(30)), 85, fcfs(), control,
        FailureInputs.NONE);
  }

  static TraceJob job(long id, long submitS, int nodes, long runS) {
    return new TraceJob(id, submitS, nodes, runS, runS, 1, 0);
  }

  /** First come, first served on the lowest free nodes: enough for the engine's own tests. */
  static BatchScheduler fcfs() {
    return (nowS, queue, free, running) -> {
      List<Placement> started = new ArrayList<>();
      while (!queue.isEmpty() && queue.get(0).nodes() <= free.cardinality()) {
        QueuedJob head = queue.remove(0);
        int[] nodes = new int[head.nodes()];
        for (int k = 0, i = free.nextSetBit(0); k < nodes.length; k++, i = free.nextSetBit(i + 1)) {
          nodes[k] = i;
        }
        for (int i : nodes) {
          free.clear(i);
        }
        started.add(new Placement(head, nodes));
      }
      return started;
    };
  }

  /** A controller whose policy caps {@code node} at {@code capMhz} once, at its first tick
   * at or after {@code fromS}, with a day's lease. */
  static ControlFactory capOnce(String node, double capMhz, double fromS) {
    return actOnce(fromS, meta -> new SetCpuFrequencyCap(meta, NodeId.of("a", node), capMhz));
  }

  /** A controller whose policy proposes one action, at its first tick at or after
   * {@code fromS}, with a day's lease. */
  static ControlFactory actOnce(double fromS, Function<ActionMeta, Action> action) {
    return (cluster, executor, scheduler) -> {
      boolean[] done = {false};
      Policy policy = (snapshot, predictions) -> {
        double at = Duration.between(START, snapshot.at()).toMillis() / 1000.0;
        if (done[0] || at < fromS) {
          return List.of();
        }
        done[0] = true;
        ActionMeta meta = new ActionMeta(new ActionId("act-1"), "test-rule", "a test action",
            List.of(), snapshot.at(), Duration.ofDays(1));
        return List.of(action.apply(meta));
      };
      ControlLoop.Ports ports = new ControlLoop.Ports(cluster, Predictor.NONE, policy,
          (proposal, snapshot) -> new GuardDecision.Approved(proposal, List.of()), executor,
          new InMemoryAuditLog(1000));
      return new ControlLoop(ports, scheduler.clock());
    };
  }

  /** A controller that only records the snapshots it sees, one per tick. */
  static ControlFactory watch(List<ClusterSnapshot> seen) {
    return watchAndAct(seen, Double.MAX_VALUE, meta -> {
      throw new AssertionError("never acts");
    });
  }

  /** A controller that records every snapshot and proposes one action at its first tick at
   * or after {@code fromS}. */
  static ControlFactory watchAndAct(List<ClusterSnapshot> seen, double fromS,
      Function<ActionMeta, Action> action) {
    ControlFactory acting = actOnce(fromS, action);
    return (cluster, executor, scheduler) -> acting.create(now -> {
      ClusterSnapshot snapshot = cluster.snapshot(now);
      seen.add(snapshot);
      return snapshot;
    }, executor, scheduler);
  }
}
