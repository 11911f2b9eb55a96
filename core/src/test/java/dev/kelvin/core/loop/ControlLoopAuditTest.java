package dev.kelvin.core.loop;

import static dev.kelvin.core.loop.LoopFixture.scripted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing is carried out without its audit record: actions and renewals, in virtual time. */
class ControlLoopAuditTest {
  private final LoopFixture fixture = new LoopFixture();

  @Test
  void an_action_whose_approval_cannot_be_written_is_not_sent_and_is_audited_as_failed() {
    fixture.feed(LoopFixture.HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), fixture.applyAtOnce);
    fixture.audit.breakStorage();

    TickReport report = loop.tick(fixture.clock.instant());

    assertThat(fixture.executed).as("nothing sent without its record").isEmpty();
    assertThat(fixture.stages()).containsExactly(AuditStage.APPROVED, AuditStage.FAILED);
    AuditEvent failed = fixture.events(AuditStage.FAILED).get(0);
    assertThat(failed.detail()).startsWith("not sent: its approved record could not be written"
        + " to the audit log");
    assertThat(failed.result().orElseThrow().applied()).isFalse();
    assertThat(loop.heldSetpoints()).isZero();
    assertThat(report.problems()).anySatisfy(problem ->
        assertThat(problem).startsWith("the audit log cannot be written"));
  }

  @Test
  void an_audit_log_that_refuses_the_record_outright_stops_the_action_too() {
    fixture.feed(LoopFixture.HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), fixture.applyAtOnce);
    fixture.audit.close();

    loop.tick(fixture.clock.instant());

    assertThat(fixture.executed).isEmpty();
    assertThat(loop.heldSetpoints()).isZero();
  }

  @Test
  void actions_flow_again_once_the_audit_log_is_mended() {
    fixture.feed(LoopFixture.HOT, 91.0);
    SetCpuFrequencyCap refused = fixture.cap(2800);
    SetCpuFrequencyCap later = fixture.cap(2800);
    ControlLoop loop = fixture.loop(scripted(List.of(refused), List.of(later)),
        fixture.applyAtOnce);
    fixture.audit.breakStorage();
    loop.tick(fixture.clock.instant());

    fixture.audit.mend();
    TickReport report = fixture.tickAfter(loop, Duration.ofSeconds(1));

    assertThat(fixture.executed).extracting(Action::id).containsExactly(later.id());
    assertThat(report.problems()).isEmpty();
    assertThat(loop.heldSetpoints()).isEqualTo(1);
  }

  @Test
  void a_renewal_is_written_as_intent_before_it_is_sent() {
    fixture.feed(LoopFixture.HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), fixture.answerLater);
    loop.tick(fixture.clock.instant());
    fixture.pending.get(0).complete(fixture.applied(fixture.executed.get(0)));

    assertThat(fixture.tickAfter(loop, Duration.ofSeconds(60)).renewals()).isEqualTo(1);

    assertThat(fixture.stages()).containsExactly(AuditStage.APPROVED, AuditStage.APPLIED,
        AuditStage.RENEWING);
    fixture.pending.get(1).complete(fixture.applied(fixture.executed.get(1)));
    assertThat(fixture.stages()).endsWith(AuditStage.RENEWING, AuditStage.RENEWED);
  }

  @Test
  void renewals_stop_while_the_audit_log_cannot_be_written_and_resume_once_it_can() {
    fixture.feed(LoopFixture.HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), fixture.applyAtOnce);
    loop.tick(fixture.clock.instant());
    fixture.audit.breakStorage();

    TickReport due = fixture.tickAfter(loop, Duration.ofSeconds(60));
    TickReport next = fixture.tickAfter(loop, Duration.ofSeconds(5));

    assertThat(due.renewals()).as("its renewing record failed: not sent").isZero();
    assertThat(next.renewals()).as("withheld while the log cannot write").isZero();
    assertThat(next.problems()).anySatisfy(problem ->
        assertThat(problem).startsWith("the audit log cannot be written"));
    assertThat(fixture.executed).hasSize(1);
    assertThat(fixture.events(AuditStage.FAILED)).singleElement().satisfies(failed ->
        assertThat(failed.detail()).startsWith("not sent: its renewing record"));
    assertThat(loop.heldSetpoints()).as("still held: its lease has not run out").isEqualTo(1);

    fixture.audit.mend();
    TickReport mended = fixture.tickAfter(loop, Duration.ofSeconds(5));

    assertThat(mended.renewals()).isEqualTo(1);
    assertThat(fixture.executed).hasSize(2);
  }

  @Test
  void a_cap_whose_renewals_were_withheld_until_its_lease_ran_out_lapses_with_that_reason() {
    fixture.feed(LoopFixture.HOT, 91.0);
    ControlLoop loop = fixture.loop(scripted(List.of(fixture.cap(2800))), fixture.applyAtOnce);
    loop.tick(fixture.clock.instant());
    fixture.audit.breakStorage();
    fixture.tickAfter(loop, Duration.ofSeconds(60));
    fixture.tickAfter(loop, Duration.ofSeconds(30));

    fixture.tickAfter(loop, Duration.ofSeconds(30));

    assertThat(loop.heldSetpoints()).isZero();
    assertThat(fixture.events(AuditStage.LAPSED)).singleElement().satisfies(lapsed ->
        assertThat(lapsed.detail()).contains("(lease_ran_out)")
            .contains("renewals were withheld: the audit log could not be written"));
    assertThat(fixture.audit.unwritten()).as("kept for when the log can write again")
        .isPositive();
  }
}
