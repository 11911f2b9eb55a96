package dev.kelvin.core.backlog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Received readings waiting to be applied, first in first out, keyed by their source (a node).
 * While fewer than {@link BacklogSettings#coalesceAbove()} wait, every reading is kept. Above
 * it, a reading whose source already has one waiting takes that one's place in the queue: the
 * older reading is shed ({@link ShedReason#SUPERSEDED}), the source's newest is never dropped,
 * and its order with the source's other waiting readings is kept. A reading from a source with
 * nothing waiting is shed only when {@link BacklogSettings#maxReadings()} wait
 * ({@link ShedReason#QUEUE_FULL}). Thread-safe: the transport offers while a worker takes.
 *
 * @param <T> what is queued (the raw message)
 */
public final class IngestQueue<T> {
  /** One waiting item, with the time it was received. */
  public record Entry<T>(String key, T item, Instant receivedAt) { }

  /** What became of an offer. */
  public enum Offer { QUEUED, REPLACED_OLDER, SHED }

  private static final class Slot<T> {
    final String key;
    final Instant queuedAt;
    T item;
    Instant receivedAt;

    Slot(String key, T item, Instant receivedAt) {
      this.key = key;
      this.item = item;
      this.receivedAt = receivedAt;
      this.queuedAt = receivedAt;
    }
  }

  private final BacklogSettings settings;
  private final ArrayDeque<Slot<T>> fifo = new ArrayDeque<>();
  private final Map<String, Slot<T>> newestByKey = new HashMap<>();
  private final EnumMap<ShedReason, Long> shed = new EnumMap<>(ShedReason.class);
  private int peak;

  public IngestQueue(BacklogSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Queues {@code item} of {@code key} received at {@code receivedAt}. */
  public Offer offer(String key, T item, Instant receivedAt) {
    return offer(key, item, receivedAt, dropped -> { });
  }

  /**
   * Queues {@code item} of {@code key} received at {@code receivedAt}, handing {@code shed} the
   * item this sheds, if any: the older one it replaces, or {@code item} itself when the queue is
   * full. {@code shed} runs under the queue's lock and must not block.
   */
  public synchronized Offer offer(String key, T item, Instant receivedAt,
      Consumer<? super T> shed) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Slot<T> waiting = newestByKey.get(key);
    if (waiting != null && fifo.size() >= settings.coalesceAbove()) {
      T older = waiting.item;
      waiting.item = item;
      waiting.receivedAt = receivedAt;
      this.shed.merge(ShedReason.SUPERSEDED, 1L, Long::sum);
      shed.accept(older);
      return Offer.REPLACED_OLDER;
    }
    if (fifo.size() >= settings.maxReadings()) {
      this.shed.merge(ShedReason.QUEUE_FULL, 1L, Long::sum);
      shed.accept(item);
      return Offer.SHED;
    }
    Slot<T> slot = new Slot<>(key, item, receivedAt);
    fifo.addLast(slot);
    newestByKey.put(key, slot);
    peak = Math.max(peak, fifo.size());
    return Offer.QUEUED;
  }

  /** The oldest waiting entry, removed; empty when none waits. */
  public synchronized Optional<Entry<T>> poll() {
    Slot<T> slot = fifo.pollFirst();
    if (slot == null) {
      return Optional.empty();
    }
    newestByKey.remove(slot.key, slot);
    return Optional.of(new Entry<>(slot.key, slot.item, slot.receivedAt));
  }

  /** How many readings wait. */
  public synchronized int size() {
    return fifo.size();
  }

  /** How long the oldest waiting reading's place has been in the queue at {@code now}. */
  public synchronized Duration oldestAge(Instant now) {
    Slot<T> head = fifo.peekFirst();
    if (head == null || now.isBefore(head.queuedAt)) {
      return Duration.ZERO;
    }
    return Duration.between(head.queuedAt, now);
  }

  /** Readings shed for {@code reason} so far. */
  public synchronized long shed(ShedReason reason) {
    return shed.getOrDefault(reason, 0L);
  }

  /** The most readings that ever waited at once. */
  public synchronized int peak() {
    return peak;
  }
}
