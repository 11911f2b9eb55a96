package dev.kelvin.actuators;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.CommandAck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The commands sent and not yet answered: command id to the future its caller holds and the
 * instant it times out. Knows nothing of MQTT; time comes in as arguments, so a test drives it
 * with a hand-moved clock and the executor with a scheduler.
 *
 * <p>Sending an id that is still pending (a lease renewal that overtook its predecessor's ack)
 * replaces the entry and restarts its timeout; the earlier caller gets the same result as the
 * later one. Futures are completed outside the lock, so continuations never run under it.
 * Thread-safe.
 */
final class PendingAcks {
  /** What became of an ack. */
  enum Match {
    /** It answered a pending command, whose future is now complete. */
    COMPLETED,
    /** No command with its id is pending: late, duplicate, or another controller's. */
    UNKNOWN_ID,
    /** A command with its id is pending, but for another node: left pending. */
    WRONG_NODE
  }

  private record Entry(SetpointAction action, Instant sentAt, Instant deadline,
      CompletableFuture<ActionResult> future) {}

  private final Map<String, Entry> pending = new HashMap<>();
  private String closedBecause;

  /**
   * Waits for the ack to {@code action}'s command, sent at {@code sentAt}, until
   * {@code sentAt + timeout}. After {@link #close} the future is already FAILED.
   */
  CompletableFuture<ActionResult> register(SetpointAction action, Instant sentAt,
      Duration timeout) {
    CompletableFuture<ActionResult> future = new CompletableFuture<>();
    Entry replaced;
    synchronized (this) {
      if (closedBecause != null) {
        return CompletableFuture.completedFuture(closed(action, sentAt));
      }
      Entry entry = new Entry(action, sentAt, sentAt.plus(timeout), future);
      replaced = pending.put(action.id().value(), entry);
    }
    if (replaced != null) {
      future.whenComplete((result, error) -> replaced.future().complete(result));
    }
    return future;
  }

  /** Completes the command {@code ack} answers, when it is pending for node {@code from}. */
  Match complete(NodeId from, CommandAck ack, Instant receivedAt) {
    Entry entry;
    synchronized (this) {
      entry = pending.get(ack.id());
      if (entry == null) {
        return Match.UNKNOWN_ID;
      }
      if (!entry.action().node().equals(from)) {
        return Match.WRONG_NODE;
      }
      pending.remove(ack.id());
    }
    entry.future().complete(SetpointCommands.result(entry.action(), ack, receivedAt));
    return Match.COMPLETED;
  }

  /**
   * Fails the command whose caller holds {@code future} (its publish failed), unless an ack or
   * a timeout came first. A later renewal with the same id is left alone.
   */
  boolean fail(ActionId id, CompletableFuture<ActionResult> future, String detail, Instant at) {
    synchronized (this) {
      Entry entry = pending.get(id.value());
      if (entry == null || entry.future() != future) {
        return false;
      }
      pending.remove(id.value());
    }
    return future.complete(ActionResult.of(id, Outcome.FAILED, at, detail));
  }

  /** Times out every command whose deadline is not after {@code now}; returns how many. */
  int expire(Instant now) {
    List<Entry> due = new ArrayList<>();
    synchronized (this) {
      for (Iterator<Entry> it = pending.values().iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        if (!now.isBefore(entry.deadline())) {
          it.remove();
          due.add(entry);
        }
      }
    }
    for (Entry entry : due) {
      Duration waited = Duration.between(entry.sentAt(), entry.deadline());
      entry.future().complete(SetpointCommands.timedOut(entry.action(), waited, now));
    }
    return due.size();
  }

  /** Fails every pending command with {@code why} and every later one at once. */
  void close(String why, Instant at) {
    List<Entry> open;
    synchronized (this) {
      closedBecause = why;
      open = List.copyOf(pending.values());
      pending.clear();
    }
    for (Entry entry : open) {
      entry.future().complete(closed(entry.action(), at));
    }
  }

  synchronized int size() {
    return pending.size();
  }

  private ActionResult closed(SetpointAction action, Instant at) {
    return ActionResult.of(action.id(), Outcome.FAILED, at, closedBecause + " before "
        + action.node() + " answered: " + action.describe() + " may or may not be in force");
  }
}
