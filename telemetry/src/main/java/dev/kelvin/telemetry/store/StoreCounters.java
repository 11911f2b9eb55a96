package dev.kelvin.telemetry.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The store's running counts, in points. Thread-safe. */
final class StoreCounters {
  final LongAdder written = new LongAdder();
  final LongAdder batches = new LongAdder();
  final LongAdder spooled = new LongAdder();
  final LongAdder replayed = new LongAdder();
  final LongAdder failures = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> lost = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> refused = new ConcurrentHashMap<>();

  void lost(String reason, long points) {
    lost.computeIfAbsent(reason, key -> new LongAdder()).add(points);
  }

  void refused(String reason, long points) {
    refused.computeIfAbsent(reason, key -> new LongAdder()).add(points);
  }

  Map<String, Long> lostByReason() {
    return snapshot(lost);
  }

  Map<String, Long> refusedByReason() {
    return snapshot(refused);
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((reason, count) -> out.put(reason, count.sum()));
    return out;
  }
}
