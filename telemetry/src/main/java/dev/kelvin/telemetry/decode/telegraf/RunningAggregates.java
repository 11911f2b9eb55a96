package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.NodeId;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Combines the values that the messages of one node and one instant give to one target, so
 * that a node-level maximum, mean or sum is right when Telegraf sends one metric per message
 * ({@code batch = false}): each message's reading carries the aggregate of every message of
 * that instant so far, and the last one carries the whole. Only the latest instant of each
 * (node, target) is kept; a message for an older instant (late) is aggregated on its own. At
 * most {@code maxEntries} are kept: past that, new (node, target) pairs are aggregated per
 * message and counted in {@link #overflows()}. Thread-safe.
 */
final class RunningAggregates {
  private record Key(NodeId node, Target target, Aggregation kind) {}

  private static final class Entry {
    private final Instant at;
    private final Aggregate aggregate;

    private Entry(Instant at, Aggregate aggregate) {
      this.at = at;
      this.aggregate = aggregate;
    }
  }

  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final LongAdder overflows = new LongAdder();

  RunningAggregates(int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries must be >= 0, was " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /**
   * The value of {@code target} for {@code node} at {@code at} once {@code part} (what one
   * message gave) is added to what earlier messages of that instant gave.
   */
  double combine(NodeId node, Instant at, Target target, Aggregate part) {
    if (part.kind() == Aggregation.SET) {
      return part.value();
    }
    Key key = new Key(node, target, part.kind());
    double[] result = {part.value()};
    if (!entries.containsKey(key) && entries.size() >= maxEntries) {
      overflows.increment();
      return result[0];
    }
    entries.compute(key, (k, entry) -> {
      if (entry == null || entry.at.isBefore(at)) {
        entry = new Entry(at, Aggregate.running(part.kind()));
      } else if (entry.at.isAfter(at)) {
        return entry;
      }
      entry.aggregate.addAll(part);
      result[0] = entry.aggregate.value();
      return entry;
    });
    return result[0];
  }

  /** How many (node, target) pairs were aggregated per message because the table was full. */
  long overflows() {
    return overflows.sum();
  }

  int size() {
    return entries.size();
  }
}
