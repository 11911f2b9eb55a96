package dev.kelvin.core.loop;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.backlog.IngestWatch;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.ActionGuard;
import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.port.Policy;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One control loop over one node in virtual time, for the loop's audit and lease tests: a
 * cluster state fed by hand, a guard that approves everything, an executor that applies at
 * once or answers when told, and an audit log that can be broken and mended.
 */
final class LoopFixture {
  static final NodeId HOT = NodeId.of("site-a", "n01");
  static final Duration LEASE = Duration.ofMinutes(2);

  final MutableClock clock = new MutableClock();
  final ClusterState state = new ClusterState(StateSettings.defaults());
  final BreakableAuditLog audit = new BreakableAuditLog();
  final List<Action> executed = new CopyOnWriteArrayList<>();
  final List<CompletableFuture<ActionResult>> pending = new ArrayList<>();
  private final ActionIds ids = new ActionIds(MutableClock.START);
  private long seq;

  final ActionGuard approveAll = (proposal, snapshot) ->
      new GuardDecision.Approved(proposal, List.of());

  final ActionExecutor applyAtOnce = action -> {
    executed.add(action);
    return CompletableFuture.completedFuture(applied(action));
  };

  final ActionExecutor answerLater = action -> {
    executed.add(action);
    CompletableFuture<ActionResult> future = new CompletableFuture<>();
    pending.add(future);
    return future;
  };

  ControlLoop loop(Policy policy, ActionExecutor executor) {
    return loop(state, policy, executor);
  }

  ControlLoop loop(ClusterView cluster, Policy policy, ActionExecutor executor) {
    return loop(cluster, policy, executor, IngestWatch.NONE);
  }

  ControlLoop loop(ClusterView cluster, Policy policy, ActionExecutor executor,
      IngestWatch ingest) {
    return new ControlLoop(new ControlLoop.Ports(cluster, Predictor.NONE, policy, approveAll,
        executor, audit), clock, ingest);
  }

  /** A policy that proposes the given batches, one per tick, then nothing. */
  @SafeVarargs
  static Policy scripted(List<Action>... batches) {
    List<List<Action>> queue = new ArrayList<>(List.of(batches));
    return (snapshot, predictions) -> queue.isEmpty() ? List.of() : queue.remove(0);
  }

  /** Advances the clock, lets the node report as before, and ticks. */
  TickReport tickAfter(ControlLoop loop, Duration wait) {
    clock.advance(wait);
    feed(HOT, 91.0);
    return loop.tick(clock.instant());
  }

  /** Advances the clock without a word from the node, and ticks. */
  TickReport silentTickAfter(ControlLoop loop, Duration wait) {
    return loop.tick(clock.advance(wait));
  }

  void feed(NodeId node, double cpuTempCelsius) {
    state.admit(Readings.reading().node(node).at(clock.instant()).seq(++seq)
        .with(NodeMetric.CPU_TEMP_CELSIUS, cpuTempCelsius).build(), clock.instant());
  }

  SetCpuFrequencyCap cap(double mhz) {
    return cap(HOT, mhz);
  }

  SetCpuFrequencyCap cap(NodeId node, double mhz) {
    return new SetCpuFrequencyCap(new ActionMeta(ids.next(), "test-thermal-cap",
        "CPU above its limit", List.of(new Fact("cpu_temp_c", 91, "°C")), clock.instant(),
        LEASE), node, mhz);
  }

  ActionResult applied(Action action) {
    Instant now = clock.instant();
    return new ActionResult(action.id(), ActionResult.Outcome.APPLIED, now,
        OptionalDouble.of(3000), OptionalDouble.of(2800), Optional.of(now.plus(LEASE)),
        "applied");
  }

  List<AuditStage> stages() {
    return audit.recent(1000).stream().map(record -> record.event().stage()).toList();
  }

  List<AuditEvent> events(AuditStage stage) {
    return audit.recent(1000).stream().map(AuditRecord::event)
        .filter(event -> event.stage() == stage).toList();
  }

  /**
   * An audit log in memory whose storage can fail as a file's can: while {@link #broken},
   * every record is kept but none reaches storage, and {@link #writing()} is false from the
   * first such record until {@link #mend()}, which writes what was kept. It can also refuse
   * records outright, as a closed log does.
   */
  static final class BreakableAuditLog implements AuditLog {
    private final InMemoryAuditLog memory = new InMemoryAuditLog(1000);
    private boolean broken;
    private boolean closed;
    private int unwritten;

    synchronized void breakStorage() {
      broken = true;
    }

    synchronized void mend() {
      broken = false;
      unwritten = 0;
    }

    synchronized void close() {
      closed = true;
    }

    synchronized int unwritten() {
      return unwritten;
    }

    @Override
    public synchronized AuditRecord append(AuditEvent event) {
      if (closed) {
        throw new IllegalStateException("the audit log is closed");
      }
      AuditRecord record = memory.append(event);
      unwritten = broken ? unwritten + 1 : 0;
      return record;
    }

    @Override
    public synchronized boolean writing() {
      return unwritten == 0;
    }

    @Override
    public List<AuditRecord> since(long afterSeq, int max) {
      return memory.since(afterSeq, max);
    }

    @Override
    public List<AuditRecord> recent(int max) {
      return memory.recent(max);
    }

    @Override
    public long lastSeq() {
      return memory.lastSeq();
    }
  }
}
