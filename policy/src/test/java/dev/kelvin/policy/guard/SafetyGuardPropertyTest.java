package dev.kelvin.policy.guard;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.lease.SetpointTarget;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.policy.Nodes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The guard across seeded random facts (nodes with random hardware limits and values in force,
 * stale or missing nodes) and random rule outputs (any action type, values far outside the
 * limits, bursts of the same action, ticks at the same instant) under random settings: no
 * action that passes leaves its node's limits or acts on a node it cannot see, none comes
 * within the dwell time of the last on its target, no type passes more than its rate limit in
 * any window, no identical action passes twice within the repeat time, and each passes in its
 * type's mode. A failure names its case; {@code SEED} and the case reproduce it.
 */
class SafetyGuardPropertyTest {
  private static final long SEED = 20_251_111L;
  private static final int CASES = 5_000;
  private static final int MAX_NODES = 5;

  /** What every case must hold, gathered over its ticks. */
  private static final class Ledger {
    final GuardSettings settings;
    final Map<SetpointTarget, Instant> lastSetpoint = new HashMap<>();
    final Map<Object, Instant> lastOther = new HashMap<>();
    final Map<ActionType, List<Instant>> passed = new EnumMap<>(ActionType.class);
    int passes;
    int refusals;

    Ledger(GuardSettings settings) {
      this.settings = settings;
    }
  }

  @Test
  void no_action_passes_outside_the_limits_the_dwell_time_or_the_rate_limits() {
    int passes = 0;
    int refusals = 0;
    for (int n = 0; n < CASES; n++) {
      SplittableRandom random = new SplittableRandom(SEED + n);
      Ledger ledger = runCase(random, "case " + n + " of seed " + SEED);
      passes += ledger.passes;
      refusals += ledger.refusals;
    }
    assertThat(passes).as("actions that passed over all cases").isGreaterThan(CASES * 5);
    assertThat(refusals).as("actions refused over all cases").isGreaterThan(CASES * 5);
  }

  private Ledger runCase(SplittableRandom random, String name) {
    GuardSettings settings = randomSettings(random);
    SafetyGuard guard = new SafetyGuard(settings);
    ActionIds ids = new ActionIds(Nodes.NOW);
    Ledger ledger = new Ledger(settings);
    int nodes = 1 + random.nextInt(MAX_NODES);
    Instant at = Nodes.NOW;
    for (int tick = 0, ticks = 1 + random.nextInt(12); tick < ticks; tick++) {
      at = at.plusSeconds(random.nextInt(10) == 0 ? 0 : random.nextInt(30));
      ClusterSnapshot snapshot = randomSnapshot(random, at, nodes);
      List<Action> proposals = randomProposals(random, ids, at, nodes);
      List<GuardDecision> decisions = guard.reviewAll(proposals, snapshot);
      check(ledger, snapshot, proposals, decisions, name + ", tick " + tick);
    }
    checkRates(ledger, name);
    return ledger;
  }

  private static GuardSettings randomSettings(SplittableRandom random) {
    Map<ActionType, ActionMode> modes = new EnumMap<>(ActionType.class);
    RateLimits rates = new RateLimits(Duration.ofSeconds(5 + random.nextInt(120)), Map.of());
    for (ActionType type : ActionType.values()) {
      modes.put(type, ActionMode.values()[random.nextInt(ActionMode.values().length)]);
      rates = rates.with(type, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(6));
    }
    return new GuardSettings(random.nextBoolean() ? GuardSettings.Mode.AUTO
        : GuardSettings.Mode.DRY_RUN, Duration.ofSeconds(random.nextInt(40)),
        Duration.ofMinutes(1 + random.nextInt(15)), new ModeTable(modes), rates,
        Duration.ofSeconds(random.nextInt(600)));
  }

  /** Nodes n0..: random limits and values in force each tick; some stale, some missing. */
  private static ClusterSnapshot randomSnapshot(SplittableRandom random, Instant at, int nodes) {
    List<NodeView> views = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      if (random.nextInt(10) == 0) {
        continue;
      }
      double cpuMin = 800 + 100 * random.nextInt(13);
      double cpuMax = cpuMin + 100 * random.nextInt(21);
      Readings node = reading().node("n" + i).with(NodeMetric.CPU_FREQ_MIN_MHZ, cpuMin)
          .with(NodeMetric.CPU_FREQ_MAX_MHZ, cpuMax)
          .with(NodeMetric.CPU_FREQ_CAP_MHZ,
              cpuMin + 100 * random.nextInt((int) ((cpuMax - cpuMin) / 100) + 1));
      if (random.nextInt(5) == 0) {
        node = node.without(NodeMetric.CPU_FREQ_CAP_MHZ);
      }
      if (random.nextBoolean()) {
        node = node.device(Device.gpu(0), limits(random, NodeMetric.GPU_POWER_LIMIT_MIN_WATTS,
            NodeMetric.GPU_POWER_LIMIT_MAX_WATTS, NodeMetric.GPU_POWER_LIMIT_WATTS, 50));
      }
      if (random.nextBoolean()) {
        MetricValues cap = limits(random, NodeMetric.NODE_POWER_CAP_MIN_WATTS,
            NodeMetric.NODE_POWER_CAP_MAX_WATTS, NodeMetric.NODE_POWER_CAP_WATTS, 100);
        for (NodeMetric metric : List.of(NodeMetric.NODE_POWER_CAP_MIN_WATTS,
            NodeMetric.NODE_POWER_CAP_MAX_WATTS, NodeMetric.NODE_POWER_CAP_WATTS)) {
          node = node.with(metric, cap.get(metric).getAsDouble());
        }
      }
      boolean stale = random.nextInt(7) == 0;
      NodeReading latest = node.at(at.minusSeconds(stale ? 30 : 1)).build();
      views.add(new NodeView(latest.node(), latest.rack(), latest, List.of(latest),
          at.minusSeconds(stale ? 30 : 1), stale));
    }
    return ClusterSnapshot.of(at, views);
  }

  private static MetricValues limits(SplittableRandom random, NodeMetric minMetric,
      NodeMetric maxMetric, NodeMetric inForce, double step) {
    double min = step * (1 + random.nextInt(4));
    double max = min + step * random.nextInt(6);
    return MetricValues.builder().set(minMetric, min).set(maxMetric, max)
        .set(inForce, min + step * random.nextInt((int) ((max - min) / step) + 1)).build();
  }

  /** Any action on any node (one more than the snapshot knows), values from 1 to far above. */
  private static List<Action> randomProposals(SplittableRandom random, ActionIds ids,
      Instant at, int nodes) {
    List<Action> proposals = new ArrayList<>();
    for (int i = 0, count = random.nextInt(16); i < count; i++) {
      NodeId node = NodeId.of("site-a", "n" + random.nextInt(nodes + 1));
      ActionMeta meta = new ActionMeta(ids.next(), "rule-" + random.nextInt(3), "random",
          List.of(), at, Duration.ofSeconds(1 + random.nextInt(1800)));
      Action action = randomAction(random, meta, node);
      proposals.add(action);
      for (int burst = random.nextInt(8) == 0 ? random.nextInt(5) : 0; burst > 0; burst--) {
        proposals.add(copy(action, new ActionMeta(ids.next(), "burst", "random", List.of(), at,
            meta.lease())));
      }
    }
    return proposals;
  }

  private static Action randomAction(SplittableRandom random, ActionMeta meta, NodeId node) {
    double value = random.nextInt(4) == 0 ? 1 + random.nextInt(10_000)
        : 100 * (1 + random.nextInt(40));
    return switch (random.nextInt(12)) {
      case 0, 1, 2 -> new SetCpuFrequencyCap(meta, node, value);
      case 3 -> new SetGpuPowerLimit(meta, node, random.nextInt(2), value / 4);
      case 4 -> new SetNodePowerCap(meta, node, value / 2);
      case 5 -> new DrainNode(meta, node);
      case 6 -> new SuspendNode(meta, node);
      case 7 -> random.nextBoolean() ? new ResumeNode(meta, node) : new WakeNode(meta, node);
      case 8 -> new MigrateJob(meta, new JobId("j" + random.nextInt(3)), node,
          MigrateJob.Mode.REQUEUE);
      case 9 -> new FailoverSite(meta, SiteId.of("site-a"), SiteId.of("site-b"));
      case 10 -> random.nextBoolean()
          ? new HoldJob(meta, new JobId("j" + random.nextInt(3)),
              meta.proposedAt().plusSeconds(600L * (1 + random.nextInt(2))))
          : new ReleaseJob(meta, new JobId("j" + random.nextInt(3)));
      default -> new Notify(meta, Notify.Severity.WARNING, "site-a", "m" + random.nextInt(3));
    };
  }

  /** The same action as {@code original} under a new id: one of a burst. */
  private static Action copy(Action original, ActionMeta meta) {
    if (original instanceof SetCpuFrequencyCap cap) {
      return new SetCpuFrequencyCap(meta, cap.node(), cap.capMhz());
    } else if (original instanceof SetGpuPowerLimit gpu) {
      return new SetGpuPowerLimit(meta, gpu.node(), gpu.gpuIndex(), gpu.limitWatts());
    } else if (original instanceof SetNodePowerCap cap) {
      return new SetNodePowerCap(meta, cap.node(), cap.capWatts());
    } else if (original instanceof DrainNode drain) {
      return new DrainNode(meta, drain.node());
    } else if (original instanceof SuspendNode suspend) {
      return new SuspendNode(meta, suspend.node());
    } else if (original instanceof ResumeNode resume) {
      return new ResumeNode(meta, resume.node());
    } else if (original instanceof WakeNode wake) {
      return new WakeNode(meta, wake.node());
    } else if (original instanceof MigrateJob migrate) {
      return new MigrateJob(meta, migrate.job(), migrate.from(), migrate.mode());
    } else if (original instanceof HoldJob hold) {
      return new HoldJob(meta, hold.job(), hold.until());
    } else if (original instanceof ReleaseJob release) {
      return new ReleaseJob(meta, release.job());
    } else if (original instanceof FailoverSite failover) {
      return new FailoverSite(meta, failover.from(), failover.to());
    } else if (original instanceof Notify notice) {
      return new Notify(meta, notice.severity(), notice.subject(), notice.message());
    }
    throw new AssertionError(original);
  }

  private static void check(Ledger ledger, ClusterSnapshot snapshot, List<Action> proposals,
      List<GuardDecision> decisions, String name) {
    assertThat(decisions).as(name).extracting(decision -> decision.action().id())
        .containsExactlyElementsOf(proposals.stream().map(Action::id).toList());
    Set<Object> passedThisTick = new HashSet<>();
    for (GuardDecision decision : decisions) {
      if (decision instanceof GuardDecision.Rejected) {
        ledger.refusals++;
        continue;
      }
      ledger.passes++;
      Action action = decision.action();
      String what = name + ": " + action.describe() + " on " + action.target();
      assertThat(modeOf(decision)).as(what).isEqualTo(ledger.settings.modeOf(action.type()));
      if (action instanceof SetpointAction setpoint) {
        checkSetpoint(ledger, snapshot, setpoint, what);
        assertThat(passedThisTick.add(SetpointTarget.of(setpoint)))
            .as("%s: one setpoint per target and tick", what).isTrue();
      } else {
        Object key = Conflicts.key(action);
        Instant last = ledger.lastOther.put(key, snapshot.at());
        assertThat(last == null || Duration.between(last, snapshot.at())
            .compareTo(ledger.settings.repeatAfter()) >= 0)
            .as("%s: passed at %s already, within the repeat time", what, last).isTrue();
      }
      ledger.passed.computeIfAbsent(action.type(), t -> new ArrayList<>()).add(snapshot.at());
    }
  }

  private static void checkSetpoint(Ledger ledger, ClusterSnapshot snapshot,
      SetpointAction setpoint, String what) {
    Optional<NodeView> view = snapshot.node(setpoint.node());
    assertThat(view).as("%s: a node the snapshot has", what).isPresent();
    assertThat(view.get().stale()).as("%s: a fresh node", what).isFalse();
    double min = view.get().latest(setpoint.kind().minMetric(), setpoint.device())
        .orElseThrow(() -> new AssertionError(what + ": limits the node does not report"));
    double max = view.get().latest(setpoint.kind().maxMetric(), setpoint.device())
        .orElseThrow();
    assertThat(setpoint.value()).as("%s: within the node's limits", what).isBetween(min, max);
    assertThat(setpoint.lease()).as(what).isLessThanOrEqualTo(ledger.settings.maxLease());
    Instant last = ledger.lastSetpoint.put(SetpointTarget.of(setpoint), snapshot.at());
    if (last != null) {
      assertThat(Duration.between(last, snapshot.at())).as("%s: after the dwell time", what)
          .isGreaterThanOrEqualTo(ledger.settings.minDwell());
    }
  }

  private static ActionMode modeOf(GuardDecision decision) {
    if (decision instanceof GuardDecision.Approved) {
      return ActionMode.AUTOMATIC;
    }
    return decision instanceof GuardDecision.Held ? ActionMode.NEEDS_APPROVAL
        : ActionMode.DRY_RUN;
  }

  /** In every window, one ending at each pass, no more passed than the limit allows. */
  private static void checkRates(Ledger ledger, String name) {
    Duration window = ledger.settings.rates().window();
    ledger.passed.forEach((type, times) -> ledger.settings.rates().of(type).ifPresent(limit -> {
      for (Instant end : times) {
        long inWindow = times.stream()
            .filter(t -> t.isAfter(end.minus(window)) && !t.isAfter(end)).count();
        assertThat(inWindow).as("%s: %s passed in the %s up to %s", name, type, window, end)
            .isLessThanOrEqualTo(limit);
      }
    }));
  }
}
