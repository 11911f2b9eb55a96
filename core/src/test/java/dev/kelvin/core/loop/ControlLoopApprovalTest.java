package dev.kelvin.core.loop;

import static dev.kelvin.core.loop.LoopFixture.HOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.approval.ApprovalState;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.backlog.IngestWatch;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.ActionGuard;
import dev.kelvin.core.port.Policy;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The control loop with an approval store, in virtual time: a held action is entered once,
 * expires when the policy stops proposing it, and once approved is carried out at the next
 * tick through the guard again, the executor and the audit log.
 */
class ControlLoopApprovalTest {
  private static final Duration TICK = Duration.ofSeconds(10);
  private static final double MAX_MHZ = 3000;

  private final LoopFixture fixture = new LoopFixture();
  private final ActionIds ids = new ActionIds(MutableClock.START.plusSeconds(1));
  private final AtomicBoolean proposing = new AtomicBoolean(true);
  private final AtomicBoolean blind = new AtomicBoolean();
  private final AtomicReference<Action> proposal = new AtomicReference<>();
  private final ApprovalStore store = new ApprovalStore(fixture.audit, fixture.clock,
      Duration.ofHours(1));

  /** Holds drains; caps above the node's maximum are refused, others held. */
  private final ActionGuard guard = (action, snapshot) -> {
    if (action instanceof SetCpuFrequencyCap cap && cap.value() > MAX_MHZ) {
      return new GuardDecision.Rejected(action, "above the node maximum of 3000 MHz");
    }
    return new GuardDecision.Held(action, "needs operator approval");
  };

  /** Proposes the same action afresh (a new id) every tick while {@link #proposing}. */
  private final Policy policy = (snapshot, predictions) -> proposing.get()
      ? List.of(fresh(proposal.get())) : List.of();

  @Test
  void a_held_action_proposed_every_tick_is_audited_and_stored_once() {
    ControlLoop loop = loop(fixture.applyAtOnce, drain());

    tick(loop);
    tick(loop);
    TickReport third = tick(loop);

    assertThat(third.held()).isEqualTo(1);
    assertThat(fixture.events(AuditStage.HELD_FOR_APPROVAL)).hasSize(1);
    assertThat(store.pending()).isEqualTo(1);
    assertThat(fixture.executed).isEmpty();
  }

  @Test
  void an_approved_action_is_carried_out_at_the_next_tick_with_its_record_of_intent_first() {
    ControlLoop loop = loop(fixture.applyAtOnce, drain());
    tick(loop);
    Action held = store.newest(1).get(0).action();
    store.approve(held.id(), ApprovalStore.LOCAL_OPERATOR, "ok");
    assertThat(fixture.executed).as("not before the next tick").isEmpty();

    tick(loop);

    assertThat(fixture.executed).extracting(Action::id).containsExactly(held.id());
    assertThat(fixture.stages()).containsExactly(AuditStage.HELD_FOR_APPROVAL,
        AuditStage.APPROVED_BY_OPERATOR, AuditStage.EXECUTING, AuditStage.APPLIED);
    assertThat(fixture.events(AuditStage.EXECUTING).get(0).detail())
        .contains("approved by local operator (ok)");
    assertThat(store.find(held.id()).orElseThrow().state()).isEqualTo(ApprovalState.SUCCEEDED);
    assertThat(store.pending()).as("the re-proposal joined the executing one").isZero();
  }

  @Test
  void an_approved_action_the_executor_fails_ends_failed() {
    ControlLoop loop = loop(fixture.answerLater, drain());
    tick(loop);
    Action held = store.newest(1).get(0).action();
    store.approve(held.id(), ApprovalStore.LOCAL_OPERATOR, "ok");
    tick(loop);
    assertThat(store.find(held.id()).orElseThrow().state()).isEqualTo(ApprovalState.EXECUTING);

    fixture.pending.get(0).complete(ActionResult.of(held.id(), ActionResult.Outcome.FAILED,
        fixture.clock.instant(), "slurm said no"));

    assertThat(store.find(held.id()).orElseThrow().state()).isEqualTo(ApprovalState.FAILED);
    assertThat(fixture.events(AuditStage.FAILED)).singleElement().satisfies(event ->
        assertThat(event.detail()).isEqualTo("slurm said no"));
  }

  @Test
  void an_approved_setpoint_the_guard_now_refuses_is_not_sent_and_fails_with_the_reason() {
    AtomicReference<Double> limit = new AtomicReference<>(2800.0);
    ActionGuard shifting = (action, snapshot) -> action instanceof SetCpuFrequencyCap cap
        && cap.value() > limit.get()
        ? new GuardDecision.Rejected(action, "above the node maximum of " + limit.get() + " MHz")
        : new GuardDecision.Held(action, "needs operator approval");
    ControlLoop loop = loop(shifting, fixture.applyAtOnce, fixture.cap(2600));
    tick(loop);
    Action held = store.newest(1).get(0).action();
    store.approve(held.id(), ApprovalStore.LOCAL_OPERATOR, "ok");
    limit.set(2400.0);

    tick(loop);

    assertThat(fixture.executed).isEmpty();
    assertThat(store.find(held.id()).orElseThrow().state()).isEqualTo(ApprovalState.FAILED);
    assertThat(fixture.events(AuditStage.FAILED)).singleElement().satisfies(event ->
        assertThat(event.detail()).contains("the guard refuses it now")
            .contains("above the node maximum of 2400.0 MHz"));
  }

  @Test
  void a_held_action_the_policy_stops_proposing_expires() {
    ControlLoop loop = loop(fixture.applyAtOnce, drain());
    tick(loop);
    Action held = store.newest(1).get(0).action();
    proposing.set(false);

    tick(loop);

    assertThat(store.find(held.id()).orElseThrow().state()).isEqualTo(ApprovalState.EXPIRED);
    assertThat(fixture.events(AuditStage.EXPIRED)).hasSize(1);
  }

  @Test
  void a_failing_policy_expires_nothing() {
    ControlLoop loop = loop(fixture.applyAtOnce, drain());
    tick(loop);
    proposal.set(null);

    TickReport failed = tick(loop);

    assertThat(failed.problems()).isNotEmpty();
    assertThat(store.pending()).isEqualTo(1);
  }

  @Test
  void an_approved_action_waits_while_the_controller_is_blind() {
    ControlLoop loop = loop(fixture.applyAtOnce, drain());
    tick(loop);
    Action held = store.newest(1).get(0).action();
    store.approve(held.id(), ApprovalStore.LOCAL_OPERATOR, "ok");
    blind.set(true);

    tick(loop);
    assertThat(fixture.executed).isEmpty();
    assertThat(store.find(held.id()).orElseThrow().state()).isEqualTo(ApprovalState.APPROVED);

    blind.set(false);
    tick(loop);
    assertThat(fixture.executed).extracting(Action::id).containsExactly(held.id());
  }

  @Test
  void an_approved_action_is_not_sent_while_the_audit_log_cannot_write() {
    ControlLoop loop = loop(fixture.applyAtOnce, drain());
    tick(loop);
    Action held = store.newest(1).get(0).action();
    store.approve(held.id(), ApprovalStore.LOCAL_OPERATOR, "ok");
    fixture.audit.breakStorage();

    tick(loop);

    assertThat(fixture.executed).isEmpty();
    assertThat(store.find(held.id()).orElseThrow().state()).isEqualTo(ApprovalState.FAILED);
  }

  private ControlLoop loop(ActionExecutor executor, Action proposed) {
    return loop(guard, executor, proposed);
  }

  private ControlLoop loop(ActionGuard reviewing, ActionExecutor executor, Action proposed) {
    proposal.set(proposed);
    IngestWatch watch = new IngestWatch() {
      @Override
      public Optional<String> blind(Instant now) {
        return blind.get() ? Optional.of("readings arrive 12 s late") : Optional.empty();
      }

      @Override
      public boolean stillArriving(NodeId node, Instant now) {
        return true;
      }
    };
    return new ControlLoop(new ControlLoop.Ports(fixture.state, Predictor.NONE, policy,
        reviewing, executor, fixture.audit), fixture.clock, watch, store);
  }

  private TickReport tick(ControlLoop loop) {
    return fixture.tickAfter(loop, TICK);
  }

  private DrainNode drain() {
    return new DrainNode(meta(Duration.ZERO), HOT);
  }

  /** The same action as {@code action} under a new id, as a policy proposes it each tick. */
  private Action fresh(Action action) {
    if (action instanceof DrainNode drain) {
      return new DrainNode(meta(Duration.ZERO), drain.node());
    } else if (action instanceof SetCpuFrequencyCap cap) {
      return new SetCpuFrequencyCap(meta(cap.lease()), cap.node(), cap.value());
    }
    throw new IllegalStateException("the test policy fails: no action to propose");
  }

  private ActionMeta meta(Duration lease) {
    return new ActionMeta(ids.next(), "test-risk", "failure risk high", List.of(),
        fixture.clock.instant(), lease);
  }
}
