package dev.kelvin.core.ingest;

import dev.kelvin.core.validation.RejectReason;
import java.util.List;
import java.util.Map;

/**
 * Ingestion counts since start: readings accepted into the live state, late ones kept out of
 * it, rejects by reason, and the most recent rejects (newest last).
 */
public record IngestStats(long accepted, long late, Map<RejectReason, Long> rejected,
    List<RejectSample> recentRejects) {
  public IngestStats {
    rejected = Map.copyOf(rejected);
    recentRejects = List.copyOf(recentRejects);
  }

  public long rejectedTotal() {
    long total = 0;
    for (long count : rejected.values()) {
      total += count;
    }
    return total;
  }
}
