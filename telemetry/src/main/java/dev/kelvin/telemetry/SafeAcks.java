package dev.kelvin.telemetry;

import dev.kelvin.mqtt.Acknowledgement;
import dev.kelvin.telemetry.store.StoreProgress;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Acknowledges each telemetry message to the broker once it is safe: applied to the state, and
 * every point it gave the store safe there ({@link StoreProgress}: written, or spooled to disk).
 * Until then the broker keeps the message, so a Kelvin killed before that gets it again from its
 * persistent session. Acknowledgements go out in the order the messages arrived, as MQTT
 * requires; a message shed from the backlog (counted as shed) is acknowledged in its turn.
 * Thread-safe.
 */
final class SafeAcks {
  /** One message waiting for its acknowledgement. */
  static final class Pending {
    private static final long NOT_YET = -1;
    private final Acknowledgement ack;
    /** The store's count of points taken once the message was applied, or NOT_YET. */
    private volatile long upTo = NOT_YET;

    private Pending(Acknowledgement ack) {
      this.ack = ack;
    }
  }

  private final StoreProgress store;
  private final ArrayDeque<Pending> inArrivalOrder = new ArrayDeque<>();

  /** Acknowledgements paced by {@code store}, which tells this each time more is safe. */
  SafeAcks(StoreProgress store) {
    this.store = Objects.requireNonNull(store, "store");
    store.onSafe(this::release);
  }

  /** A message arrived; null when {@code ack} is {@link Acknowledgement#NONE}. */
  Pending arrived(Acknowledgement ack) {
    if (ack == Acknowledgement.NONE) {
      return null;
    }
    Pending pending = new Pending(ack);
    synchronized (this) {
      inArrivalOrder.addLast(pending);
    }
    return pending;
  }

  /** {@code pending}'s message is applied: its points are all taken by the store. */
  void applied(Pending pending) {
    if (pending != null) {
      pending.upTo = store.taken();
      release();
    }
  }

  /** {@code pending}'s message was shed; {@link #release()} acknowledges it in its turn. */
  void shed(Pending pending) {
    if (pending != null) {
      pending.upTo = 0;
    }
  }

  /** Acknowledges, oldest first, every message that is safe and has no older one waiting. */
  synchronized void release() {
    long safe = store.safe();
    for (Pending head = inArrivalOrder.peekFirst();
        head != null && head.upTo != Pending.NOT_YET && head.upTo <= safe;
        head = inArrivalOrder.peekFirst()) {
      inArrivalOrder.pollFirst();
      head.ack.acknowledge();
    }
  }

  /** Messages received and not yet acknowledged. */
  synchronized int waiting() {
    return inArrivalOrder.size();
  }
}
