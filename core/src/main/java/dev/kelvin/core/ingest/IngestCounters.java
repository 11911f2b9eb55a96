package dev.kelvin.core.ingest;

import dev.kelvin.core.validation.RejectReason;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what ingestion did with every input, by reject reason, and keeps the last few rejects
 * for operators. Counting is lock-free; only the sample ring takes a lock.
 */
public final class IngestCounters {
  private static final int SAMPLES = 20;

  private final LongAdder accepted = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final EnumMap<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);
  private final ArrayDeque<RejectSample> samples = new ArrayDeque<>(SAMPLES);

  public IngestCounters() {
    for (RejectReason reason : RejectReason.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  public void accepted() {
    accepted.increment();
  }

  public void late() {
    late.increment();
  }

  public void rejected(RejectSample sample) {
    rejected.get(sample.reason()).increment();
    synchronized (samples) {
      if (samples.size() == SAMPLES) {
        samples.removeFirst();
      }
      samples.addLast(sample);
    }
  }

  public long rejectedCount(RejectReason reason) {
    return rejected.get(reason).sum();
  }

  public IngestStats stats() {
    Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
    rejected.forEach((reason, adder) -> {
      long count = adder.sum();
      if (count > 0) {
        counts.put(reason, count);
      }
    });
    List<RejectSample> recent;
    synchronized (samples) {
      recent = List.copyOf(samples);
    }
    return new IngestStats(accepted.sum(), late.sum(), counts, recent);
  }
}
