package dev.kelvin.dashboard;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard's own counts since start, for {@code /metrics}.
 *
 * @param openStreams event streams open now
 * @param droppedStreams event streams dropped for not keeping up (a tab that stopped reading)
 * @param refused requests refused and connections closed, by reason; every reason present
 */
public record DashboardStats(int openStreams, long droppedStreams, Map<Refusal, Long> refused) {
  public DashboardStats {
    Objects.requireNonNull(refused, "refused");
    EnumMap<Refusal, Long> complete = new EnumMap<>(Refusal.class);
    for (Refusal reason : Refusal.values()) {
      complete.put(reason, refused.getOrDefault(reason, 0L));
    }
    refused = Map.copyOf(complete);
  }

  /** Requests refused or connections closed for {@code reason}. */
  public long refused(Refusal reason) {
    return refused.get(reason);
  }
}
