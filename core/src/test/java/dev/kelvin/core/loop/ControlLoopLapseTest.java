package dev.kelvin.core.loop;

import static dev.kelvin.core.loop.LoopFixture.HOT;
import static dev.kelvin.core.loop.LoopFixture.scripted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.Policy;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No held setpoint is given up in silence: each lapse is audited, counted and logged. */
class ControlLoopLapseTest {
  private final LoopFixture fixture = new LoopFixture();
  private final Logger julLogger = Logger.getLogger(ControlLoop.class.getName());
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureLog() {
    julLogger.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    julLogger.removeHandler(capture);
  }

  @Test
  void a_cap_given_up_because_its_node_went_stale_is_audited_counted_and_logged() {
    fixture.feed(HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), fixture.applyAtOnce);
    loop.tick(fixture.clock.instant());

    fixture.silentTickAfter(loop, Duration.ofSeconds(11));

    assertThat(loop.heldSetpoints()).isZero();
    AuditEvent lapsed = fixture.events(AuditStage.LAPSED).get(0);
    assertThat(lapsed.action().id()).isEqualTo(fixture.executed.get(0).id());
    assertThat(lapsed.detail()).startsWith("no longer held (node_stale): no fresh telemetry from"
        + " site-a/n01 for 11 s").contains("the node reverts to its default when the lease"
        + " runs out at 2026-01-01T00:02:00Z");
    assertThat(loop.lapses(LapseReason.NODE_STALE)).isEqualTo(1);
    assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
        .startsWith("1 held setpoint(s) lapsed (node_stale)").contains("site-a/n01");
  }

  @Test
  void a_cap_whose_node_left_the_cluster_view_lapses_as_gone() {
    ClusterState empty = new ClusterState(StateSettings.defaults());
    boolean[] gone = {false};
    fixture.feed(HOT, 91.0);
    ControlLoop loop = fixture.loop(now -> (gone[0] ? empty : fixture.state).snapshot(now),
        scripted(List.of(fixture.cap(2800))), fixture.applyAtOnce);
    loop.tick(fixture.clock.instant());

    gone[0] = true;
    fixture.silentTickAfter(loop, Duration.ofSeconds(1));

    assertThat(fixture.events(AuditStage.LAPSED)).singleElement().satisfies(lapsed ->
        assertThat(lapsed.detail()).contains("(node_gone): site-a/n01 is no longer in the"
            + " cluster view"));
    assertThat(loop.lapses(LapseReason.NODE_GONE)).isEqualTo(1);
  }

  @Test
  void a_node_silent_past_forget_after_holds_no_cap_and_leaves_no_stale_node_behind() {
    fixture.feed(HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), fixture.applyAtOnce);
    loop.tick(fixture.clock.instant());
    assertThat(fixture.silentTickAfter(loop, Duration.ofSeconds(11)).summary().staleNodes())
        .isEqualTo(1);

    TickReport later = fixture.silentTickAfter(loop, Duration.ofHours(1));

    assertThat(later.summary().nodes()).isZero();
    assertThat(later.summary().staleNodes()).isZero();
    assertThat(loop.heldSetpoints()).isZero();
    assertThat(fixture.events(AuditStage.LAPSED)).singleElement();
  }

  @Test
  void a_cap_back_at_the_hardware_maximum_lapses_as_needing_no_lease() {
    fixture.feed(HOT, 60.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(3000))), fixture.applyAtOnce);

    loop.tick(fixture.clock.instant());

    assertThat(fixture.stages()).containsExactly(AuditStage.APPROVED, AuditStage.APPLIED,
        AuditStage.LAPSED);
    assertThat(fixture.events(AuditStage.LAPSED).get(0).detail()).contains("(at_maximum): 3000"
        + " MHz is at the node's maximum 3000 MHz (cpu_freq_max_mhz)");
  }

  @Test
  void a_cap_whose_renewal_went_unanswered_lapses_when_its_lease_runs_out() {
    fixture.feed(HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), fixture.answerLater);
    loop.tick(fixture.clock.instant());
    fixture.pending.get(0).complete(fixture.applied(fixture.executed.get(0)));
    fixture.tickAfter(loop, Duration.ofSeconds(60));

    fixture.tickAfter(loop, Duration.ofSeconds(60));

    assertThat(fixture.events(AuditStage.LAPSED)).singleElement().satisfies(lapsed ->
        assertThat(lapsed.detail()).contains("(lease_ran_out): its lease ran out at"
            + " 2026-01-01T00:02:00Z before a renewal was acknowledged: the renewal sent was"
            + " not answered in time")
            .contains("the node reverted to its default when the lease ran out"));
  }

  @Test
  void a_cap_whose_renewals_failed_until_its_lease_ran_out_lapses_with_the_last_failure() {
    fixture.feed(HOT, 91.0);
    List<Integer> calls = new ArrayList<>();
    ActionExecutor applyThenTimeOut = action -> {
      calls.add(1);
      return CompletableFuture.completedFuture(calls.size() == 1 ? fixture.applied(action)
          : ActionResult.of(action.id(), ActionResult.Outcome.TIMED_OUT,
              fixture.clock.instant(), "no ack within 5 s"));
    };
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), applyThenTimeOut);
    loop.tick(fixture.clock.instant());
    fixture.tickAfter(loop, Duration.ofSeconds(60));

    fixture.tickAfter(loop, Duration.ofSeconds(60));

    assertThat(fixture.events(AuditStage.LAPSED)).singleElement().satisfies(lapsed ->
        assertThat(lapsed.detail()).contains("the latest renewal failed: timed_out, no ack"
            + " within 5 s"));
  }

  @Test
  void a_cap_whose_renewals_were_withheld_while_the_policy_failed_lapses_with_that_reason() {
    fixture.feed(HOT, 91.0);
    boolean[] failing = {false};
    Action cap = fixture.cap(2800);
    Policy capOnceThenFail = (snapshot, predictions) -> {
      if (failing[0]) {
        throw new IllegalStateException("rule base corrupt");
      }
      failing[0] = true;
      return List.of(cap);
    };
    ControlLoop loop = fixture.loop(capOnceThenFail, fixture.applyAtOnce);
    loop.tick(fixture.clock.instant());
    fixture.tickAfter(loop, Duration.ofSeconds(60));

    fixture.tickAfter(loop, Duration.ofSeconds(60));

    assertThat(fixture.executed).hasSize(1);
    assertThat(fixture.events(AuditStage.LAPSED)).singleElement().satisfies(lapsed ->
        assertThat(lapsed.detail()).contains("renewals were withheld: the policy failed"));
  }

  @Test
  void a_held_cap_lapses_when_the_setpoint_sent_to_replace_it_fails() {
    fixture.feed(HOT, 91.0);
    Action older = fixture.cap(2800);
    Action newer = fixture.cap(2600);
    ActionExecutor applyOnlyTheOlder = action -> CompletableFuture.completedFuture(
        action.id().equals(older.id()) ? fixture.applied(action)
            : ActionResult.of(action.id(), ActionResult.Outcome.REJECTED,
                fixture.clock.instant(), "below the node's minimum"));
    ControlLoop loop = fixture.loop(scripted(List.of(older), List.of(newer)), applyOnlyTheOlder);
    loop.tick(fixture.clock.instant());

    fixture.tickAfter(loop, Duration.ofSeconds(20));

    assertThat(loop.heldSetpoints()).isZero();
    assertThat(fixture.events(AuditStage.LAPSED)).singleElement().satisfies(lapsed -> {
      assertThat(lapsed.action().id()).isEqualTo(older.id());
      assertThat(lapsed.detail()).contains("(replacement_failed): the setpoint sent to replace"
          + " it (" + newer.id() + ", cap CPU at 2600 MHz) failed: rejected, below the node's"
          + " minimum");
    });
  }

  @Test
  void a_newer_cap_that_is_applied_replaces_the_held_one_without_a_lapse() {
    fixture.feed(HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800)),
        List.of(fixture.cap(2600))), fixture.applyAtOnce);
    loop.tick(fixture.clock.instant());

    fixture.tickAfter(loop, Duration.ofSeconds(20));

    assertThat(loop.heldSetpoints()).isEqualTo(1);
    assertThat(fixture.events(AuditStage.LAPSED)).isEmpty();
  }

  @Test
  void lapses_are_logged_at_most_once_a_minute_per_reason_saying_how_many() {
    List<NodeId> nodes = List.of(HOT, NodeId.of("site-a", "n02"), NodeId.of("site-a", "n03"));
    nodes.forEach(node -> fixture.feed(node, 91.0));
    List<Action> caps = nodes.stream().map(node -> (Action) fixture.cap(node, 2800)).toList();
    Action late = fixture.cap(NodeId.of("site-a", "n04"), 2800);
    ControlLoop loop = fixture.loop(scripted(caps, List.of(), List.of(late)),
        fixture.applyAtOnce);
    loop.tick(fixture.clock.instant());

    fixture.silentTickAfter(loop, Duration.ofSeconds(11));
    fixture.feed(NodeId.of("site-a", "n04"), 91.0);
    loop.tick(fixture.clock.instant());
    fixture.silentTickAfter(loop, Duration.ofSeconds(11));

    assertThat(fixture.events(AuditStage.LAPSED)).hasSize(4);
    assertThat(loop.lapses(LapseReason.NODE_STALE)).isEqualTo(4);
    assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
        .startsWith("3 held setpoint(s) lapsed (node_stale)");

    fixture.silentTickAfter(loop, Duration.ofSeconds(48));
    assertThat(warnings).as("within the minute").hasSize(1);

    fixture.silentTickAfter(loop, Duration.ofSeconds(1));

    assertThat(warnings).hasSize(2).last().extracting(LogRecord::getMessage).asString()
        .startsWith("1 held setpoint(s) lapsed (node_stale)").contains("site-a/n04");
    fixture.silentTickAfter(loop, Duration.ofSeconds(60));
    assertThat(warnings).as("nothing lapsed since: nothing to log").hasSize(2);
  }
}
