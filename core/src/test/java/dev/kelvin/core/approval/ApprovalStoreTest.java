package dev.kelvin.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every transition of a held action, and every refused one, in virtual time. */
class ApprovalStoreTest {
  private static final NodeId N07 = NodeId.of("site-a", "n07");
  private static final String OPERATOR = ApprovalStore.LOCAL_OPERATOR;

  private final MutableClock clock = new MutableClock();
  private final InMemoryAuditLog audit = new InMemoryAuditLog(1_000);
  private final ApprovalStore store = new ApprovalStore(audit, clock, Duration.ofMinutes(30));
  private final ActionIds ids = new ActionIds(MutableClock.START);

  @Test
  void a_held_action_enters_as_proposed_once_while_the_policy_keeps_proposing_it() {
    DrainNode first = drain();
    assertThat(store.hold(first, "disruptive", tick(0))).isTrue();
    assertThat(store.hold(drain(), "disruptive", tick(10))).isFalse();
    assertThat(store.hold(drain(), "disruptive", tick(20))).isFalse();

    assertThat(store.newest(10)).singleElement().satisfies(approval -> {
      assertThat(approval.id()).isEqualTo(first.id());
      assertThat(approval.state()).isEqualTo(ApprovalState.PROPOSED);
      assertThat(approval.lastProposedAt()).isEqualTo(MutableClock.START.plusSeconds(20));
    });
    assertThat(stages()).containsExactly(AuditStage.HELD_FOR_APPROVAL);
    assertThat(store.pending()).isEqualTo(1);
  }

  @Test
  void the_same_type_and_target_with_another_value_is_another_proposal() {
    assertThat(store.hold(cap(2400), "held", tick(0))).isTrue();
    assertThat(store.hold(cap(2000), "held", tick(0))).isTrue();

    assertThat(store.pending()).isEqualTo(2);
  }

  @Test
  void an_operator_approves_a_proposal_with_a_comment_audited_under_their_name() {
    DrainNode drain = held();
    clock.advance(Duration.ofSeconds(5));

    Decision decision = store.approve(drain.id(), OPERATOR, "go ahead, n07 is flaky");

    assertThat(decision).isInstanceOfSatisfying(Decision.Done.class, done -> {
      assertThat(done.approval().state()).isEqualTo(ApprovalState.APPROVED);
      assertThat(done.approval().actor()).isEqualTo(OPERATOR);
    });
    AuditEvent event = last();
    assertThat(event.stage()).isEqualTo(AuditStage.APPROVED_BY_OPERATOR);
    assertThat(event.actor()).isEqualTo("local operator");
    assertThat(event.detail()).isEqualTo("go ahead, n07 is flaky");
    assertThat(event.at()).isEqualTo(clock.instant());
    assertThat(store.approved()).extracting(Approval::id).containsExactly(drain.id());
  }

  @Test
  void an_operator_rejects_a_proposal_and_the_same_action_may_be_proposed_anew() {
    DrainNode drain = held();

    Decision decision = store.reject(drain.id(), OPERATOR, "not during the demo");

    assertThat(decision).isInstanceOfSatisfying(Decision.Done.class, done ->
        assertThat(done.approval().state()).isEqualTo(ApprovalState.REJECTED));
    assertThat(last().stage()).isEqualTo(AuditStage.REJECTED_BY_OPERATOR);
    assertThat(last().detail()).isEqualTo("not during the demo");
    assertThat(store.hold(drain(), "disruptive", tick(10))).as("a new proposal").isTrue();
  }

  @Test
  void an_empty_comment_is_recorded_as_no_comment() {
    DrainNode drain = held();

    store.approve(drain.id(), OPERATOR, " ");

    assertThat(last().detail()).isEqualTo("approved by local operator (no comment)");
  }

  @Test
  void a_decision_on_an_unknown_id_is_refused_and_changes_nothing() {
    held();
    long before = audit.lastSeq();

    Decision decision = store.approve(new ActionId("a-nope-000001"), OPERATOR, "");

    assertThat(decision).isInstanceOf(Decision.Unknown.class);
    assertThat(decision.message()).contains("a-nope-000001").contains("no action");
    assertThat(audit.lastSeq()).isEqualTo(before);
    assertThat(store.pending()).isEqualTo(1);
  }

  @Test
  void approving_twice_or_rejecting_an_approved_action_is_a_conflict_that_changes_nothing() {
    DrainNode drain = held();
    store.approve(drain.id(), OPERATOR, "yes");
    long before = audit.lastSeq();

    Decision again = store.approve(drain.id(), OPERATOR, "yes again");
    Decision reject = store.reject(drain.id(), OPERATOR, "changed my mind");

    assertThat(again).isInstanceOfSatisfying(Decision.Conflict.class, conflict ->
        assertThat(conflict.message()).contains(drain.id().value()).contains("is approved")
            .contains("nothing was changed"));
    assertThat(reject).isInstanceOf(Decision.Conflict.class);
    assertThat(reject.message()).contains("cannot be rejected");
    assertThat(audit.lastSeq()).isEqualTo(before);
    assertThat(store.find(drain.id()).orElseThrow().comment()).isEqualTo("yes");
  }

  @Test
  void a_proposal_the_policy_does_not_make_again_at_a_tick_expires() {
    DrainNode drain = held();

    List<Approval> expired = store.expire(tick(10), true);

    assertThat(expired).extracting(Approval::id).containsExactly(drain.id());
    assertThat(store.find(drain.id()).orElseThrow().state()).isEqualTo(ApprovalState.EXPIRED);
    assertThat(last().stage()).isEqualTo(AuditStage.EXPIRED);
    assertThat(last().actor()).isEqualTo(AuditEvent.CONTROLLER);
    assertThat(last().detail()).contains("the policy did not propose it again");
  }

  @Test
  void a_proposal_made_again_at_the_tick_does_not_expire() {
    DrainNode drain = held();
    store.hold(drain(), "disruptive", tick(10));

    assertThat(store.expire(tick(10), true)).isEmpty();
    assertThat(store.find(drain.id()).orElseThrow().state()).isEqualTo(ApprovalState.PROPOSED);
  }

  @Test
  void a_tick_whose_policy_saw_nothing_does_not_expire_proposals_for_want_of_them() {
    DrainNode drain = held();

    assertThat(store.expire(tick(10), false)).isEmpty();
    assertThat(store.find(drain.id()).orElseThrow().state()).isEqualTo(ApprovalState.PROPOSED);
  }

  @Test
  void a_proposal_expires_after_the_maximum_age_even_while_still_proposed() {
    DrainNode drain = held();
    Instant late = tick(31 * 60);
    store.hold(drain(), "disruptive", late);

    assertThat(store.expire(late, true)).extracting(Approval::id).containsExactly(drain.id());
    assertThat(last().detail()).contains("longer than approvals.max_age (PT30M)");
  }

  @Test
  void approving_an_expired_action_is_a_conflict_naming_its_state() {
    DrainNode drain = held();
    store.expire(tick(10), true);

    Decision decision = store.approve(drain.id(), OPERATOR, "too late");

    assertThat(decision).isInstanceOf(Decision.Conflict.class);
    assertThat(decision.message()).contains("it is expired").contains(drain.id().value());
  }

  @Test
  void an_approved_action_does_not_expire_and_runs_to_success() {
    DrainNode drain = held();
    store.approve(drain.id(), OPERATOR, "yes");
    assertThat(store.expire(tick(3600), true)).isEmpty();

    store.executing(drain.id(), tick(10));
    assertThat(store.find(drain.id()).orElseThrow().state()).isEqualTo(ApprovalState.EXECUTING);
    assertThat(store.hold(drain(), "disruptive", tick(10))).as("still open").isFalse();
    store.settled(drain.id(), result(drain, ActionResult.Outcome.APPLIED));

    assertThat(store.find(drain.id()).orElseThrow().state()).isEqualTo(ApprovalState.SUCCEEDED);
    assertThat(store.approved()).isEmpty();
  }

  @Test
  void an_executing_action_the_executor_did_not_apply_fails() {
    DrainNode drain = held();
    store.approve(drain.id(), OPERATOR, "yes");
    store.executing(drain.id(), tick(10));

    store.settled(drain.id(), result(drain, ActionResult.Outcome.TIMED_OUT));

    Approval approval = store.find(drain.id()).orElseThrow();
    assertThat(approval.state()).isEqualTo(ApprovalState.FAILED);
    assertThat(approval.comment()).isEqualTo("no answer");
  }

  @Test
  void an_approved_action_the_guard_refuses_at_execution_fails_unsent() {
    DrainNode drain = held();
    store.approve(drain.id(), OPERATOR, "yes");

    store.refused(drain.id(), "node gone", tick(10));

    assertThat(store.find(drain.id()).orElseThrow().state()).isEqualTo(ApprovalState.FAILED);
    assertThat(store.reject(drain.id(), OPERATOR, "")).isInstanceOf(Decision.Conflict.class);
  }

  @Test
  void the_loop_cannot_execute_an_action_that_was_not_approved() {
    DrainNode drain = held();

    assertThatThrownBy(() -> store.executing(drain.id(), tick(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("proposed, not approved");
  }

  @Test
  void a_maximum_age_of_zero_is_refused_naming_the_key() {
    assertThatThrownBy(() -> new ApprovalStore(audit, clock, Duration.ZERO))
        .hasMessageContaining("approvals.max_age must be > 0");
  }

  @Test
  void decided_approvals_beyond_the_kept_number_are_forgotten_oldest_first() {
    DrainNode oldest = held();
    store.reject(oldest.id(), OPERATOR, "");
    for (int i = 0; i < ApprovalStore.DECIDED_KEPT; i++) {
      DrainNode next = new DrainNode(meta(), NodeId.of("site-a", "x" + i));
      store.hold(next, "held", tick(0));
      store.reject(next.id(), OPERATOR, "");
    }
    DrainNode open = held();

    assertThat(store.find(oldest.id())).isEmpty();
    assertThat(store.find(open.id())).isPresent();
    assertThat(store.newest(Integer.MAX_VALUE)).hasSize(ApprovalStore.DECIDED_KEPT + 1);
  }

  private DrainNode held() {
    DrainNode drain = drain();
    store.hold(drain, "needs operator approval", clock.instant());
    return drain;
  }

  private DrainNode drain() {
    return new DrainNode(meta(), N07);
  }

  private SetCpuFrequencyCap cap(double mhz) {
    return new SetCpuFrequencyCap(meta().withLease(Duration.ofMinutes(2)), N07, mhz);
  }

  private ActionMeta meta() {
    return new ActionMeta(ids.next(), "test-risk", "failure risk high", List.of(),
        clock.instant(), Duration.ZERO);
  }

  private static Instant tick(long seconds) {
    return MutableClock.START.plusSeconds(seconds);
  }

  private ActionResult result(Action action, ActionResult.Outcome outcome) {
    return ActionResult.of(action.id(), outcome, clock.instant(),
        outcome == ActionResult.Outcome.APPLIED ? "done" : "no answer");
  }

  private AuditEvent last() {
    List<AuditRecord> records = audit.recent(1);
    return records.get(records.size() - 1).event();
  }

  private List<AuditStage> stages() {
    return audit.recent(100).stream().map(record -> record.event().stage()).toList();
  }
}
