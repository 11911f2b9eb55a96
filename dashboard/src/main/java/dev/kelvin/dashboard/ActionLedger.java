package dev.kelvin.dashboard;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import dev.kelvin.core.port.AuditLog;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The action log: one {@link ActionEntry} per action id with its latest status, built
 * incrementally from {@link AuditLog#since} so each refresh reads only the records appended
 * since the last one. Keeps the newest {@code capacity} actions (by first sighting). Each entry
 * remembers the audit sequence number of its latest update, so that the event pusher can send
 * only what changed since its last push. Thread-safe.
 */
final class ActionLedger {
  private static final int BATCH = 1_000;

  private final AuditLog audit;
  private final int capacity;
  private final Map<ActionId, Tracked> byId = new HashMap<>();
  private final ArrayDeque<ActionId> firstSeenOrder = new ArrayDeque<>();
  private long lastSeq;

  /** An entry with the sequence number of its latest audit record and its first-seen time. */
  private record Tracked(ActionEntry entry, long seq, Instant firstSeen) {}

  ActionLedger(AuditLog audit, int capacity) {
    this.audit = Objects.requireNonNull(audit, "audit");
    if (capacity < 1) {
      throw new IllegalArgumentException("action ledger capacity must be >= 1 action, was "
          + capacity);
    }
    this.capacity = capacity;
  }

  /** Folds in the audit records appended since the last refresh; returns the newest seq seen. */
  synchronized long refresh() {
    List<AuditRecord> batch;
    do {
      batch = audit.since(lastSeq, BATCH);
      for (AuditRecord record : batch) {
        fold(record);
        lastSeq = Math.max(lastSeq, record.seq());
      }
    } while (batch.size() == BATCH);
    return lastSeq;
  }

  /** Up to {@code limit} entries, newest first sighting first. */
  synchronized List<ActionEntry> newest(int limit) {
    List<ActionEntry> out = new ArrayList<>(Math.min(limit, firstSeenOrder.size()));
    Iterator<ActionId> newestFirst = firstSeenOrder.descendingIterator();
    while (newestFirst.hasNext() && out.size() < limit) {
      out.add(byId.get(newestFirst.next()).entry());
    }
    return out;
  }

  /** What changed since a cursor, and the cursor to pass next time. */
  record Changes(List<ActionEntry> entries, long upToSeq) {}

  /**
   * Refreshes, then returns the entries updated by audit records numbered after
   * {@code afterSeq} (newest first) with the sequence number they are complete up to.
   */
  synchronized Changes changesSince(long afterSeq) {
    long upTo = refresh();
    return new Changes(changedSince(afterSeq), upTo);
  }

  /** Entries updated by audit records numbered after {@code afterSeq}, newest first. */
  synchronized List<ActionEntry> changedSince(long afterSeq) {
    List<ActionEntry> out = new ArrayList<>();
    Iterator<ActionId> newestFirst = firstSeenOrder.descendingIterator();
    while (newestFirst.hasNext()) {
      Tracked tracked = byId.get(newestFirst.next());
      if (tracked.seq() > afterSeq) {
        out.add(tracked.entry());
      }
    }
    return out;
  }

  /** The number of actions first seen at or after {@code since}. */
  synchronized int countSince(Instant since) {
    int count = 0;
    for (Tracked tracked : byId.values()) {
      if (!tracked.firstSeen().isBefore(since)) {
        count++;
      }
    }
    return count;
  }

  synchronized int size() {
    return byId.size();
  }

  private void fold(AuditRecord record) {
    AuditEvent event = record.event();
    ActionId id = event.action().id();
    Tracked held = byId.get(id);
    Instant firstSeen = held == null ? event.at() : held.firstSeen();
    ActionEntry entry = entry(event, firstSeen, held == null ? null : held.entry());
    byId.put(id, new Tracked(entry, record.seq(), firstSeen));
    if (held == null) {
      firstSeenOrder.addLast(id);
      if (firstSeenOrder.size() > capacity) {
        byId.remove(firstSeenOrder.removeFirst());
      }
    }
  }

  private static ActionEntry entry(AuditEvent event, Instant firstSeen, ActionEntry previous) {
    Action action = event.action();
    Double before = previous == null ? null : previous.before();
    Double after = previous == null ? null : previous.after();
    if (event.result().isPresent()) {
      ActionResult result = event.result().get();
      before = orElse(result.before(), before);
      after = orElse(result.after(), after);
    }
    return new ActionEntry(action.id().value(), firstSeen.toString(), event.at().toString(),
        action.target(), action.describe(), action.type().wireName(), action.rule(),
        action.reason(), facts(action), event.stage().label(), event.detail(), before, after,
        action.lease().toSeconds(), event.actor());
  }

  private static Double orElse(OptionalDouble value, Double fallback) {
    return value.isPresent() ? Double.valueOf(value.getAsDouble()) : fallback;
  }

  static List<String> facts(Action action) {
    List<String> facts = new ArrayList<>(action.facts().size());
    for (Fact fact : action.facts()) {
      facts.add(fact.toString());
    }
    return facts;
  }
}
