package dev.kelvin.app.ops;

import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-line summary the demo logs every half minute, so that a terminal shows progress
 * without a browser: nodes, power, the hottest CPU against its limit, held caps, ingestion.
 */
public final class StatusLine {
  private StatusLine() {}

  public static String of(ClusterSnapshot snapshot, int heldCaps, long actionsApplied,
      IngestStats ingest) {
    long stale = snapshot.views().stream().filter(NodeView::stale).count();
    return String.format(Locale.ROOT,
        "%d nodes (%d stale), %.1f kW, hottest %s, %d CPU caps held, %d actions applied;"
            + " ingest %d accepted, %d rejected",
        snapshot.nodes().size(), stale, snapshot.totalPowerWatts() / 1000, hottest(snapshot),
        heldCaps, actionsApplied, ingest.accepted(), ingest.rejectedTotal());
  }

  private static String hottest(ClusterSnapshot snapshot) {
    Optional<NodeView> hottest = snapshot.views().stream()
        .filter(view -> view.latest(NodeMetric.CPU_TEMP_CELSIUS).isPresent())
        .max(Comparator.comparingDouble(
            view -> view.latest(NodeMetric.CPU_TEMP_CELSIUS).getAsDouble()));
    if (hottest.isEmpty()) {
      return "n/a";
    }
    NodeView view = hottest.get();
    double temp = view.latest(NodeMetric.CPU_TEMP_CELSIUS).getAsDouble();
    String limit = view.latest(NodeMetric.CPU_TEMP_LIMIT_CELSIUS).isPresent()
        ? String.format(Locale.ROOT, " (limit %.0f °C)",
            view.latest(NodeMetric.CPU_TEMP_LIMIT_CELSIUS).getAsDouble())
        : "";
    return String.format(Locale.ROOT, "%s %.1f °C%s", view.id(), temp, limit);
  }
}
