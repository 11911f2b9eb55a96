package dev.kelvin.dashboard;

import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes what the endpoints and the event stream show from the live sources. A source that
 * throws does not take the dashboard down: predictions and ingest counts are then shown as
 * unknown, and the failure is logged at most once a minute per source.
 */
final class LiveViews {
  private static final Logger LOG = LoggerFactory.getLogger(LiveViews.class);
  private static final Duration RECENT_ACTIONS = Duration.ofMinutes(10);

  private final DashboardSources sources;
  private final ActionLedger ledger;
  private final PerKeyThrottle logThrottle;
  private final PowerHistory powerHistory = new PowerHistory();

  LiveViews(DashboardSources sources, ActionLedger ledger) {
    this.sources = sources;
    this.ledger = ledger;
    this.logThrottle = new PerKeyThrottle(Duration.ofMinutes(1), sources.scheduler().clock(),
        64);
  }

  DashboardSources sources() {
    return sources;
  }

  ActionLedger ledger() {
    return ledger;
  }

  /** Total power over the last ten minutes; the event pusher adds a point each push. */
  PowerHistory powerHistory() {
    return powerHistory;
  }

  ClusterSnapshot snapshot() {
    return sources.cluster().snapshot(sources.scheduler().now());
  }

  List<NodeRow> nodes(ClusterSnapshot snapshot) {
    Optional<TickReport> tick = guarded("lastTick", sources.lastTick());
    List<Prediction> predictions = tick == null ? List.of()
        : tick.map(TickReport::predictions).orElse(List.of());
    return NodeRows.of(snapshot, predictions);
  }

  /**
   * The summary figures of the latest control tick, the same the status line and
   * {@code /metrics} show; before the first tick, the same figures computed the same way from
   * {@code snapshot}.
   */
  Summary summary(ClusterSnapshot snapshot) {
    ledger.refresh();
    Optional<TickReport> tick = guarded("lastTick", sources.lastTick());
    ClusterSummary figures = tick == null ? ClusterSummary.of(snapshot)
        : tick.map(TickReport::summary).orElseGet(() -> ClusterSummary.of(snapshot));
    int recent = ledger.countSince(figures.at().minus(RECENT_ACTIONS));
    return Summary.of(figures, ledger.size(), recent,
        sources.audit().count(AuditStage.APPLIED), guarded("ingest", sources.ingest()));
  }

  List<ActionEntry> actions(int limit) {
    ledger.refresh();
    return ledger.newest(limit);
  }

  /** The supplier's value, or null (logged, throttled) when it throws or returns null. */
  <T> T guarded(String source, Supplier<T> supplier) {
    try {
      T value = supplier.get();
      if (value == null) {
        warn(source, "dashboard source '" + source + "' returned null; showing it as unknown");
      }
      return value;
    } catch (RuntimeException e) {
      warn(source, "dashboard source '" + source + "' failed, showing it as unknown: " + e);
      return null;
    }
  }

  void warn(String key, String message) {
    if (logThrottle.allow(key)) {
      LOG.warn("{} (logged at most once a minute)", message);
    }
  }
}
