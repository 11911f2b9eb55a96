package dev.kelvin.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.ActionGuard;
import dev.kelvin.core.port.Policy;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
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
import org.junit.jupiter.api.Test;

class ControlLoopTest {
  private static final NodeId HOT = NodeId.of("site-a", "n01");
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final MutableClock clock = new MutableClock();
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final InMemoryAuditLog audit = new InMemoryAuditLog(100);
  private final ActionIds ids = new ActionIds(MutableClock.START);
  private final List<Action> executed = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<ActionResult>> pending = new ArrayList<>();

  /** A policy standing in for the rules: cap any node hotter than 85 °C to 2800 MHz. */
  private final Policy capHotNodes = (snapshot, predictions) -> snapshot.views().stream()
      .filter(view -> view.latest(NodeMetric.CPU_TEMP_CELSIUS).orElse(0) > 85)
      .map(view -> (Action) cap(view.id(), 2800))
      .toList();

  private final ActionGuard approveAll = (proposal, snapshot) ->
      new GuardDecision.Approved(proposal, List.of());

  /** An executor that answers later, when the test completes the future. */
  private final ActionExecutor answerLater = action -> {
    executed.add(action);
    CompletableFuture<ActionResult> future = new CompletableFuture<>();
    pending.add(future);
    return future;
  };

  private final ActionExecutor applyAtOnce = action -> {
    executed.add(action);
    return CompletableFuture.completedFuture(applied(action));
  };

  @Test
  void caps_a_hot_node_and_audits_approval_and_result_with_the_fixed_clock() {
    feed(HOT, 91.0);
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, approveAll, applyAtOnce);

    TickReport report = loop.tick(clock.instant());

    assertThat(report.at()).isEqualTo(MutableClock.START);
    assertThat(report.nodes()).isEqualTo(1);
    assertThat(report.proposed()).isEqualTo(1);
    assertThat(report.approved()).isEqualTo(1);
    assertThat(executed).singleElement().isInstanceOf(SetCpuFrequencyCap.class);
    assertThat(audit.recent(10)).extracting(r -> r.event().stage())
        .containsExactly(AuditStage.APPROVED, AuditStage.APPLIED);
    assertThat(audit.recent(10)).allSatisfy(r ->
        assertThat(r.event().at()).isEqualTo(MutableClock.START));
  }

  @Test
  void records_the_setpoint_in_force_when_it_decided_as_the_snapshot_read_it() {
    feed(HOT, 91.0);
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, approveAll, applyAtOnce);

    loop.tick(clock.instant());

    assertThat(audit.recent(10)).first().satisfies(approved -> {
      assertThat(approved.event().stage()).isEqualTo(AuditStage.APPROVED);
      assertThat(approved.event().before()).isEqualTo(OptionalDouble.of(3000));
    });
  }

  @Test
  void does_nothing_when_no_node_is_hot() {
    feed(HOT, 60.0);
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, approveAll, applyAtOnce);

    TickReport report = loop.tick(clock.instant());

    assertThat(report.proposed()).isZero();
    assertThat(executed).isEmpty();
    assertThat(audit.lastSeq()).isZero();
  }

  @Test
  void passes_the_predictions_to_the_policy_and_reports_them() {
    feed(HOT, 60.0);
    Prediction forecast = new LoadForecast(ForecastScope.node(HOT), Duration.ofMinutes(1), 310,
        OptionalDouble.empty(), "test-model");
    List<List<Prediction>> seenByPolicy = new ArrayList<>();
    Policy recording = (snapshot, predictions) -> {
      seenByPolicy.add(predictions);
      return List.of();
    };
    ControlLoop loop = loop(snapshot -> List.of(forecast), recording, approveAll, applyAtOnce);

    TickReport report = loop.tick(clock.instant());

    assertThat(seenByPolicy).containsExactly(List.of(forecast));
    assertThat(report.predictions()).containsExactly(forecast);
    assertThat(loop.lastTick()).contains(report);
  }

  @Test
  void audits_a_rejection_and_executes_nothing() {
    feed(HOT, 91.0);
    ActionGuard rejectAll = (proposal, snapshot) ->
        new GuardDecision.Rejected(proposal, "too soon after the last cap");
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, rejectAll, applyAtOnce);

    TickReport report = loop.tick(clock.instant());

    assertThat(report.rejected()).isEqualTo(1);
    assertThat(executed).isEmpty();
    AuditRecord only = audit.recent(10).get(0);
    assertThat(only.event().stage()).isEqualTo(AuditStage.REJECTED);
    assertThat(only.event().detail()).isEqualTo("too soon after the last cap");
  }

  @Test
  void executes_the_clamped_action_the_guard_approved_not_the_proposal() {
    feed(HOT, 91.0);
    ActionGuard clampTo3000 = (proposal, snapshot) -> new GuardDecision.Approved(
        ((SetCpuFrequencyCap) proposal).withValue(3000), List.of("clamped to node maximum"));
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, clampTo3000, applyAtOnce);

    loop.tick(clock.instant());

    assertThat(((SetCpuFrequencyCap) executed.get(0)).capMhz()).isEqualTo(3000);
    assertThat(audit.recent(10).get(0).event().detail()).isEqualTo("clamped to node maximum");
  }

  @Test
  void dry_run_and_held_decisions_are_audited_and_not_executed() {
    feed(HOT, 91.0);
    feed(NodeId.of("site-a", "n02"), 92.0);
    ActionGuard mixed = (proposal, snapshot) -> ((SetCpuFrequencyCap) proposal).node().equals(HOT)
        ? new GuardDecision.DryRun(proposal, List.of())
        : new GuardDecision.Held(proposal, "needs operator approval");
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, mixed, applyAtOnce);

    TickReport report = loop.tick(clock.instant());

    assertThat(report.dryRun()).isEqualTo(1);
    assertThat(report.held()).isEqualTo(1);
    assertThat(executed).isEmpty();
    assertThat(audit.recent(10)).extracting(r -> r.event().stage())
        .containsExactly(AuditStage.DRY_RUN, AuditStage.HELD_FOR_APPROVAL);
  }

  @Test
  void a_failing_predictor_is_reported_and_the_policy_still_runs() {
    feed(HOT, 91.0);
    Predictor broken = snapshot -> {
      throw new IllegalStateException("model file unreadable");
    };
    ControlLoop loop = loop(broken, capHotNodes, approveAll, applyAtOnce);

    TickReport report = loop.tick(clock.instant());

    assertThat(report.problems()).singleElement().asString().contains("model file unreadable");
    assertThat(report.approved()).isEqualTo(1);
  }

  @Test
  void a_failing_policy_is_reported_and_nothing_is_done() {
    feed(HOT, 91.0);
    Policy broken = (snapshot, predictions) -> {
      throw new IllegalStateException("rule compile error");
    };
    ControlLoop loop = loop(Predictor.NONE, broken, approveAll, applyAtOnce);

    TickReport report = loop.tick(clock.instant());

    assertThat(report.problems()).singleElement().asString().contains("rule compile error");
    assertThat(executed).isEmpty();
  }

  @Test
  void a_failing_guard_fails_closed() {
    feed(HOT, 91.0);
    ActionGuard broken = (proposal, snapshot) -> {
      throw new IllegalStateException("limits table missing");
    };
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, broken, applyAtOnce);

    TickReport report = loop.tick(clock.instant());

    assertThat(report.rejected()).isEqualTo(1);
    assertThat(executed).isEmpty();
    assertThat(audit.recent(1).get(0).event().detail()).contains("limits table missing");
  }

  @Test
  void audits_a_result_that_arrives_after_the_tick_with_the_clock_time_it_arrived() {
    feed(HOT, 91.0);
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, approveAll, answerLater);
    loop.tick(clock.instant());
    assertThat(audit.lastSeq()).isEqualTo(1);

    Instant answeredAt = clock.advance(Duration.ofMillis(300));
    pending.get(0).complete(applied(executed.get(0)));

    AuditRecord result = audit.recent(1).get(0);
    assertThat(result.event().stage()).isEqualTo(AuditStage.APPLIED);
    assertThat(result.event().at()).isEqualTo(answeredAt);
    assertThat(result.event().result()).isPresent();
  }

  @Test
  void an_executor_that_throws_is_audited_as_failed() {
    feed(HOT, 91.0);
    ActionExecutor throwing = action -> {
      throw new IllegalStateException("broker gone");
    };
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, approveAll, throwing);

    loop.tick(clock.instant());

    AuditRecord result = audit.recent(1).get(0);
    assertThat(result.event().stage()).isEqualTo(AuditStage.FAILED);
    assertThat(result.event().detail()).contains("broker gone");
  }

  @Test
  void renews_an_applied_cap_once_half_its_lease_has_run() {
    feed(HOT, 91.0);
    SetCpuFrequencyCap first = cap(HOT, 2800);
    ControlLoop loop = loop(Predictor.NONE, scripted(List.of(first)), approveAll, applyAtOnce);
    loop.tick(clock.instant());

    assertThat(tickAfter(loop, Duration.ofSeconds(59)).renewals()).isZero();
    assertThat(tickAfter(loop, Duration.ofSeconds(1)).renewals()).isEqualTo(1);
    assertThat(executed).extracting(Action::id).containsExactly(first.id(), first.id());
    assertThat(audit.recent(1).get(0).event().stage()).isEqualTo(AuditStage.RENEWED);
  }

  @Test
  void does_not_renew_again_while_a_renewal_is_unanswered() {
    feed(HOT, 91.0);
    ControlLoop loop = loop(Predictor.NONE, scripted(List.of(cap(HOT, 2800))), approveAll,
        answerLater);
    loop.tick(clock.instant());
    pending.get(0).complete(applied(executed.get(0)));

    assertThat(tickAfter(loop, Duration.ofSeconds(60)).renewals()).isEqualTo(1);
    assertThat(tickAfter(loop, Duration.ofSeconds(1)).renewals()).isZero();
  }

  @Test
  void stops_renewing_a_cap_that_is_back_at_the_hardware_maximum() {
    feed(HOT, 60.0);
    ControlLoop loop = loop(Predictor.NONE, scripted(List.of(cap(HOT, 3000))), approveAll,
        applyAtOnce);
    loop.tick(clock.instant());

    assertThat(loop.heldSetpoints()).as("a cap at the maximum limits nothing").isZero();
    assertThat(tickAfter(loop, Duration.ofSeconds(90)).renewals()).isZero();
    assertThat(executed).hasSize(1);
  }

  @Test
  void forgets_a_cap_whose_apply_failed() {
    feed(HOT, 91.0);
    ActionExecutor refuse = action -> {
      executed.add(action);
      return CompletableFuture.completedFuture(ActionResult.of(action.id(),
          ActionResult.Outcome.TIMED_OUT, clock.instant(), "no ack"));
    };
    ControlLoop loop = loop(Predictor.NONE, capHotNodes, approveAll, refuse);

    loop.tick(clock.instant());

    assertThat(loop.heldSetpoints()).isZero();
    assertThat(audit.recent(1).get(0).event().stage()).isEqualTo(AuditStage.FAILED);
  }

  @Test
  void a_newer_cap_replaces_the_held_one_so_only_the_newer_is_renewed() {
    feed(HOT, 91.0);
    SetCpuFrequencyCap older = cap(HOT, 2800);
    SetCpuFrequencyCap newer = cap(HOT, 2600);
    ControlLoop loop = loop(Predictor.NONE, scripted(List.of(older), List.of(), List.of(newer)),
        approveAll, applyAtOnce);
    loop.tick(clock.instant());
    tickAfter(loop, Duration.ofSeconds(10));
    tickAfter(loop, Duration.ofSeconds(10));

    assertThat(tickAfter(loop, Duration.ofSeconds(45)).renewals())
        .as("the older cap would be due at 60 s, but was replaced").isZero();
    assertThat(tickAfter(loop, Duration.ofSeconds(15)).renewals()).isEqualTo(1);
    assertThat(executed).extracting(Action::id)
        .containsExactly(older.id(), newer.id(), newer.id());
  }

  @Test
  void forgets_a_cap_once_its_node_goes_stale_so_that_it_lapses_on_the_node() {
    feed(HOT, 91.0);
    ControlLoop loop = loop(Predictor.NONE, scripted(List.of(cap(HOT, 2800))), approveAll,
        applyAtOnce);
    loop.tick(clock.instant());
    assertThat(loop.heldSetpoints()).isEqualTo(1);

    TickReport silent = loop.tick(clock.advance(Duration.ofSeconds(61)));

    assertThat(silent.renewals()).as("no renewal for a node not heard from").isZero();
    assertThat(loop.heldSetpoints()).isZero();
  }

  @Test
  void renews_nothing_while_the_policy_fails_so_that_caps_lapse_as_if_the_controller_died() {
    feed(HOT, 91.0);
    List<Boolean> failing = new ArrayList<>(List.of(false));
    Policy capOnceThenFail = (snapshot, predictions) -> {
      if (failing.get(0)) {
        throw new IllegalStateException("rule base corrupt");
      }
      failing.set(0, true);
      return List.of(cap(HOT, 2800));
    };
    ControlLoop loop = loop(Predictor.NONE, capOnceThenFail, approveAll, applyAtOnce);
    loop.tick(clock.instant());

    TickReport failed = tickAfter(loop, Duration.ofSeconds(60));

    assertThat(failed.problems()).isNotEmpty();
    assertThat(failed.renewals()).isZero();
    assertThat(executed).hasSize(1);
  }

  @Test
  void forgets_a_cap_whose_renewal_went_unanswered_until_the_lease_ran_out() {
    feed(HOT, 91.0);
    ControlLoop loop = loop(Predictor.NONE, scripted(List.of(cap(HOT, 2800))), approveAll,
        answerLater);
    loop.tick(clock.instant());
    pending.get(0).complete(applied(executed.get(0)));
    assertThat(tickAfter(loop, Duration.ofSeconds(60)).renewals()).isEqualTo(1);

    tickAfter(loop, Duration.ofSeconds(60));

    assertThat(loop.heldSetpoints()).as("the agent has reverted; the policy decides afresh")
        .isZero();
  }

  /** A policy that proposes the given batches, one per tick, then nothing. */
  @SafeVarargs
  private static Policy scripted(List<Action>... batches) {
    List<List<Action>> queue = new ArrayList<>(List.of(batches));
    return (snapshot, predictions) -> queue.isEmpty() ? List.of() : queue.remove(0);
  }

  private TickReport tickAfter(ControlLoop loop, Duration wait) {
    Instant now = clock.advance(wait);
    feed(HOT, state.snapshot(now).node(HOT).orElseThrow()
        .latest(NodeMetric.CPU_TEMP_CELSIUS).orElseThrow());
    return loop.tick(now);
  }

  private long seq;

  private void feed(NodeId node, double cpuTempCelsius) {
    state.admit(Readings.reading().node(node).at(clock.instant()).seq(++seq)
        .with(NodeMetric.CPU_TEMP_CELSIUS, cpuTempCelsius).build(), clock.instant());
  }

  private ControlLoop loop(Predictor predictor, Policy policy, ActionGuard guard,
      ActionExecutor executor) {
    return new ControlLoop(new ControlLoop.Ports(state, predictor, policy, guard, executor,
        audit), clock);
  }

  private SetCpuFrequencyCap cap(NodeId node, double mhz) {
    return new SetCpuFrequencyCap(new ActionMeta(ids.next(), "test-thermal-cap",
        "CPU above its limit", List.of(new Fact("cpu_temp_c", 91, "°C")), clock.instant(),
        LEASE), node, mhz);
  }

  private ActionResult applied(Action action) {
    Instant now = clock.instant();
    return new ActionResult(action.id(), ActionResult.Outcome.APPLIED, now,
        OptionalDouble.of(3000), OptionalDouble.of(2800), Optional.of(now.plus(LEASE)),
        "applied");
  }
}
