package dev.kelvin.dashboard;

import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.ingest.RejectSample;
import dev.kelvin.core.validation.RejectReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingestion counts as {@code /api/ingest} serves them: rejects by reason label (only reasons
 * that occurred, in {@link RejectReason} order) and the recent rejects, newest first.
 */
record IngestView(long accepted, long late, Map<String, Long> rejected, long rejectedTotal,
    List<Reject> recentRejects) {

  /** One recent reject. */
  record Reject(String at, String source, String reason, String field, String message) {}

  static IngestView of(IngestStats stats) {
    Map<String, Long> rejected = new LinkedHashMap<>();
    for (RejectReason reason : RejectReason.values()) {
      Long count = stats.rejected().get(reason);
      if (count != null && count > 0) {
        rejected.put(reason.label(), count);
      }
    }
    List<Reject> recent = new ArrayList<>(stats.recentRejects().size());
    for (int i = stats.recentRejects().size() - 1; i >= 0; i--) {
      RejectSample sample = stats.recentRejects().get(i);
      recent.add(new Reject(sample.at().toString(), sample.source(), sample.reason().label(),
          sample.field(), sample.message()));
    }
    return new IngestView(stats.accepted(), stats.late(), rejected, stats.rejectedTotal(),
        recent);
  }
}
