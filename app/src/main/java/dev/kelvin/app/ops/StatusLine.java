package dev.kelvin.app.ops;

import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSummary;
import java.util.Locale;

/**
 * The one-line summary logged every half minute, so that a terminal shows progress without a
 * browser: nodes, power and the hottest CPU as the latest control tick saw them (the figures
 * the dashboard and {@code /metrics} show), setpoints held, actions applied and ingestion, and
 * why the controller is blind while its own ingest delay holds its decisions.
 */
public final class StatusLine {
  private StatusLine() {}

  public static String of(TickReport tick, long actionsApplied, IngestStats ingest) {
    ClusterSummary summary = tick.summary();
    return String.format(Locale.ROOT,
        "%d nodes (%d stale), %.1f kW, hottest %s, %d setpoints held, %d actions applied;"
            + " ingest %d accepted, %d rejected%s",
        summary.nodes(), summary.staleNodes(), summary.totalPowerWatts() / 1000,
        hottest(summary), tick.heldSetpoints(), actionsApplied, ingest.accepted(),
        ingest.rejectedTotal(), tick.blind().map(why -> "; BLIND, decisions held: " + why)
            .orElse(""));
  }

  private static String hottest(ClusterSummary summary) {
    return summary.hottest().map(top -> String.format(Locale.ROOT, "%s %.1f °C%s", top.node(),
        top.cpuTempCelsius(), top.limitCelsius().isPresent()
            ? String.format(Locale.ROOT, " (limit %.0f °C)", top.limitCelsius().getAsDouble())
            : "")).orElse("n/a");
  }
}
