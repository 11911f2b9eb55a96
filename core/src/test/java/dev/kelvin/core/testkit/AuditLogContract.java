package dev.kelvin.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.port.AuditLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AuditLog} keeps. Extend it in an implementation's test and return a
 * fresh, empty log from {@link #newLog()}.
 */
public abstract class AuditLogContract {
  private final ActionIds ids = new ActionIds(MutableClock.START);

  /** A fresh, empty log. */
  protected abstract AuditLog newLog();

  protected AuditEvent event(String message) {
    Notify notify = new Notify(new ActionMeta(ids.next(), "test-rule", "because " + message,
        List.of(), MutableClock.START, Duration.ZERO), Notify.Severity.INFO, "site-a", message);
    return AuditEvent.of(MutableClock.START, AuditStage.APPROVED, notify, message);
  }

  @Test
  void numbers_records_from_one_in_append_order() {
    AuditLog log = newLog();
    AuditRecord first = log.append(event("first"));
    AuditRecord second = log.append(event("second"));
    assertThat(first.seq()).isEqualTo(1);
    assertThat(second.seq()).isEqualTo(2);
    assertThat(log.lastSeq()).isEqualTo(2);
  }

  @Test
  void says_it_is_writing_while_its_storage_takes_every_record() {
    AuditLog log = newLog();
    log.append(event("first"));
    assertThat(log.writing()).isTrue();
  }

  @Test
  void an_empty_log_has_nothing_recent_and_last_seq_zero() {
    AuditLog log = newLog();
    assertThat(log.recent(10)).isEmpty();
    assertThat(log.since(0, 10)).isEmpty();
    assertThat(log.lastSeq()).isZero();
  }

  @Test
  void since_returns_only_later_records_oldest_first_up_to_max() {
    AuditLog log = newLog();
    for (int i = 1; i <= 5; i++) {
      log.append(event("e" + i));
    }
    assertThat(log.since(2, 2)).extracting(r -> r.event().detail()).containsExactly("e3", "e4");
    assertThat(log.since(5, 10)).isEmpty();
  }

  @Test
  void recent_returns_the_newest_records_oldest_first() {
    AuditLog log = newLog();
    for (int i = 1; i <= 5; i++) {
      log.append(event("e" + i));
    }
    assertThat(log.recent(3)).extracting(r -> r.event().detail())
        .containsExactly("e3", "e4", "e5");
  }

  @Test
  void keeps_the_event_as_appended() {
    AuditLog log = newLog();
    AuditEvent event = event("kept");
    log.append(event);
    assertThat(log.recent(1).get(0).event()).isEqualTo(event);
  }
}
