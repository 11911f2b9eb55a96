package dev.kelvin.actuators;

import dev.kelvin.actuators.AckChecks.Refused;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The commands sent and not yet answered: command id to the future its caller holds and the
 * instant it times out, and the ids settled lately (answered, timed out or failed). Knows
 * nothing of MQTT; time comes in as arguments, so a test drives it with a hand-moved clock and
 * the executor with a scheduler.
 *
 * <p>An ack completes a command only when it comes from the command's own node, for a command
 * in flight, and passes {@link AckChecks}; any other ack is refused with its reason and leaves
 * everything as it was, so the real answer can still complete the command. Sending an id that
 * is still pending (a lease renewal that overtook its predecessor's ack) replaces the entry and
 * restarts its timeout; the earlier caller gets the same result as the later one. Futures are
 * completed outside the lock, so continuations never run under it. Thread-safe.
 */
final class PendingAcks {
  private record Entry(SetpointAction action, Instant sentAt, Instant deadline,
      CompletableFuture<ActionResult> future) {}

  private final Duration maxClockSkew;
  private final Map<String, Entry> pending = new HashMap<>();
  private final SettledIds settled = new SettledIds();
  private String closedBecause;

  /** @param maxClockSkew how far a node's clock may run ahead of this controller's */
  PendingAcks(Duration maxClockSkew) {
    this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
  }

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
      settled.forget(action.id().value());
    }
    if (replaced != null) {
      future.whenComplete((result, error) -> replaced.future().complete(result));
    }
    return future;
  }

  /**
   * Completes the command {@code ack} answers, when it is in flight for node {@code from} and
   * the ack can be believed; otherwise says why not and changes nothing.
   *
   * @return empty when the ack completed its command
   */
  Optional<Refused> complete(NodeId from, CommandAck ack, Instant receivedAt) {
    Entry entry;
    synchronized (this) {
      entry = pending.get(ack.id());
      if (entry == null) {
        return Optional.of(settled.refusal(ack.id(), from));
      }
      if (!entry.action().node().equals(from)) {
        return Optional.of(new Refused(AckRefusal.WRONG_NODE, "command " + ack.id()
            + " was sent to " + entry.action().node() + ", not to " + from));
      }
      Optional<Refused> refused = AckChecks.check(entry.action(), ack, receivedAt,
          maxClockSkew);
      if (refused.isPresent()) {
        return refused;
      }
      pending.remove(ack.id());
      settled.remember(ack.id(), from, SettledIds.How.ANSWERED);
    }
    entry.future().complete(SetpointCommands.result(entry.action(), ack, receivedAt));
    return Optional.empty();
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
      settled.remember(id.value(), entry.action().node(), SettledIds.How.GAVE_UP);
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
          settled.remember(entry.action().id().value(), entry.action().node(),
              SettledIds.How.GAVE_UP);
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
      open.forEach(entry -> settled.remember(entry.action().id().value(),
          entry.action().node(), SettledIds.How.GAVE_UP));
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
