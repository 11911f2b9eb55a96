package dev.kelvin.predictor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the backfill did since start: for {@code /metrics} and {@code /health}.
 *
 * @param enabled whether a history source is configured (false: the embedded default)
 * @param requests requests made (one per tick that saw new nodes or sites)
 * @param filled nodes and sites whose history was read back, per kind of read (a node read for
 *     the load model and for its counters counts once in each)
 * @param failed nodes and sites left with live history only (the source did not answer), per
 *     kind of read
 * @param scopesPending nodes and sites asked for and not answered yet
 * @param queries queries answered by the source
 * @param points steps with data read back
 * @param queryTime the time the answered queries took, added up
 * @param lastFailure the cause of the latest failed request and the tick it was made at; empty
 *     once a later request succeeded or when none failed
 */
public record BackfillStats(boolean enabled, long requests, Map<HistoryRead, Long> filled,
    Map<HistoryRead, Long> failed, long scopesPending, long queries, long points,
    Duration queryTime, Optional<Failure> lastFailure) {
  public BackfillStats {
    filled = Map.copyOf(filled);
    failed = Map.copyOf(failed);
    Objects.requireNonNull(queryTime, "queryTime");
    Objects.requireNonNull(lastFailure, "lastFailure");
  }

  /** A request that failed: the tick it was made for and why. */
  public record Failure(Instant at, String cause) {
    public Failure {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(cause, "cause");
    }
  }

  /** Reads that filled a node or site, of every kind. */
  public long scopesFilled() {
    return filled.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Reads that failed, of every kind. */
  public long scopesFailed() {
    return failed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Reads of {@code kind} that filled a node or site. */
  public long scopesFilled(HistoryRead kind) {
    return filled.getOrDefault(kind, 0L);
  }

  /** Reads of {@code kind} that failed. */
  public long scopesFailed(HistoryRead kind) {
    return failed.getOrDefault(kind, 0L);
  }

  /** The mean time of one answered query; zero before the first. */
  public Duration meanQueryTime() {
    return queries == 0 ? Duration.ZERO : queryTime.dividedBy(queries);
  }
}
