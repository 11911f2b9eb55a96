package dev.kelvin.predictor.history;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** A count per kind of read, of the backfill's scopes filled or failed. Thread-safe. */
final class ReadCounts {
  private final Map<HistoryRead, LongAdder> counts = new EnumMap<>(HistoryRead.class);

  ReadCounts() {
    for (HistoryRead kind : HistoryRead.values()) {
      counts.put(kind, new LongAdder());
    }
  }

  void add(HistoryRead kind, int count) {
    counts.get(kind).add(count);
  }

  Map<HistoryRead, Long> sums() {
    Map<HistoryRead, Long> sums = new EnumMap<>(HistoryRead.class);
    counts.forEach((kind, count) -> sums.put(kind, count.sum()));
    return sums;
  }
}
