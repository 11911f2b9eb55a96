package dev.kelvin.telemetry.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The number up to which every point is safe, from the batches made safe in any order: a batch
 * made safe ahead of an older one (spooled from the ingesting thread while the store's thread
 * writes the older) waits here until the older one is safe too. Each advance is told to one
 * listener, on the thread that made it. Thread-safe.
 */
final class SafeMark {
  private static final Logger LOG = LoggerFactory.getLogger(SafeMark.class);

  private long safe;
  /** Batches safe beyond {@link #safe}: first number to last. */
  private final TreeMap<Long, Long> ahead = new TreeMap<>();
  private volatile Runnable listener = () -> { };

  /** The number up to which every point is safe. */
  synchronized long safe() {
    return safe;
  }

  /** Calls {@code advanced} after each advance, replacing the listener before. */
  void onAdvance(Runnable advanced) {
    listener = Objects.requireNonNull(advanced, "advanced");
  }

  /** {@code batch}'s points are safe (a batch without numbers changes nothing). */
  void add(PointBatch batch) {
    if (batch.numbered() && add(batch.upTo() - batch.points() + 1, batch.upTo())) {
      try {
        listener.run();
      } catch (RuntimeException bug) {
        LOG.error("What waits on the store's safe points failed (a Kelvin bug, please report"
            + " it)", bug);
      }
    }
  }

  /** Points {@code first} to {@code last} are safe; returns whether {@link #safe()} advanced. */
  synchronized boolean add(long first, long last) {
    if (last <= safe) {
      return false;
    }
    ahead.put(first, last);
    long before = safe;
    for (Map.Entry<Long, Long> next = ahead.firstEntry();
        next != null && next.getKey() <= safe + 1; next = ahead.firstEntry()) {
      safe = Math.max(safe, next.getValue());
      ahead.pollFirstEntry();
    }
    return safe > before;
  }
}
