package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionLedgerTest {
  private final MutableClock clock = new MutableClock();
  private final InMemoryAuditLog log = new InMemoryAuditLog(100_000);
  private final List<Long> sinceCalls = new ArrayList<>();
  private final AuditLog counting = new AuditLog() {
    @Override
    public AuditRecord append(AuditEvent event) {
      return log.append(event);
    }

    @Override
    public List<AuditRecord> since(long afterSeq, int max) {
      sinceCalls.add(afterSeq);
      return log.since(afterSeq, max);
    }

    @Override
    public List<AuditRecord> recent(int max) {
      throw new AssertionError("the ledger must read incrementally, not rescan recent()");
    }

    @Override
    public long lastSeq() {
      return log.lastSeq();
    }
  };

  private void record(String id, AuditStage stage) {
    ActionMeta meta = new ActionMeta(new ActionId(id), "failure-risk-drain", "risk 0.92 in 1 h",
        List.of(), clock.instant(), Duration.ZERO);
    log.append(AuditEvent.of(clock.instant(), stage, new DrainNode(meta,
        NodeId.of("site-a", "n03")), stage.label()));
  }

  private static List<String> ids(List<ActionEntry> entries) {
    return entries.stream().map(ActionEntry::id).toList();
  }

  @Test
  void folds_every_record_of_an_action_into_one_entry_with_the_latest_status() {
    ActionLedger ledger = new ActionLedger(counting, 100);
    record("a-1", AuditStage.HELD_FOR_APPROVAL);
    clock.advance(Duration.ofMinutes(1));
    record("a-1", AuditStage.APPROVED);
    record("a-1", AuditStage.APPLIED);

    ledger.refresh();

    List<ActionEntry> entries = ledger.newest(10);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).status()).isEqualTo("applied");
    assertThat(entries.get(0).at()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(entries.get(0).updatedAt()).isEqualTo("2026-01-01T00:01:00Z");
    assertThat(entries.get(0).type()).isEqualTo("drain_node");
    assertThat(entries.get(0).leaseSeconds()).isZero();
  }

  @Test
  void reads_only_the_records_appended_since_the_last_refresh() {
    ActionLedger ledger = new ActionLedger(counting, 100);
    record("a-1", AuditStage.APPROVED);
    record("a-2", AuditStage.APPROVED);
    ledger.refresh();
    record("a-3", AuditStage.APPROVED);

    ledger.refresh();

    assertThat(sinceCalls).containsExactly(0L, 2L);
    assertThat(ids(ledger.newest(10))).containsExactly("a-3", "a-2", "a-1");
  }

  @Test
  void reads_a_backlog_larger_than_one_batch() {
    ActionLedger ledger = new ActionLedger(counting, 5_000);
    for (int i = 1; i <= 2_500; i++) {
      record("a-" + i, AuditStage.DRY_RUN);
    }

    assertThat(ledger.refresh()).isEqualTo(2_500);

    assertThat(ledger.size()).isEqualTo(2_500);
    assertThat(sinceCalls).containsExactly(0L, 1_000L, 2_000L);
  }

  @Test
  void changes_since_a_cursor_are_the_entries_updated_after_it() {
    ActionLedger ledger = new ActionLedger(counting, 100);
    record("a-1", AuditStage.APPROVED);
    record("a-2", AuditStage.APPROVED);
    long cursor = ledger.refresh();
    record("a-1", AuditStage.FAILED);
    record("a-3", AuditStage.REJECTED);

    ActionLedger.Changes changes = ledger.changesSince(cursor);

    assertThat(ids(changes.entries())).containsExactly("a-3", "a-1");
    assertThat(changes.upToSeq()).isEqualTo(4);
    assertThat(ledger.changesSince(changes.upToSeq()).entries()).isEmpty();
  }

  @Test
  void keeps_the_newest_actions_up_to_its_capacity() {
    ActionLedger ledger = new ActionLedger(counting, 2);
    record("a-1", AuditStage.APPROVED);
    record("a-2", AuditStage.APPROVED);
    record("a-3", AuditStage.APPROVED);

    ledger.refresh();

    assertThat(ids(ledger.newest(10))).containsExactly("a-3", "a-2");
  }

  @Test
  void counts_the_actions_first_seen_within_a_window() {
    ActionLedger ledger = new ActionLedger(counting, 100);
    record("a-old", AuditStage.APPROVED);
    clock.advance(Duration.ofMinutes(15));
    record("a-new", AuditStage.APPROVED);
    record("a-old", AuditStage.RENEWED);
    ledger.refresh();

    assertThat(ledger.countSince(clock.instant().minus(Duration.ofMinutes(10)))).isEqualTo(1);
  }

  @Test
  void refuses_a_capacity_below_one() {
    assertThatThrownBy(() -> new ActionLedger(counting, 0))
        .hasMessageContaining("capacity must be >= 1 action, was 0");
  }
}
