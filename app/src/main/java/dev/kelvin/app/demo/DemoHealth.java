package dev.kelvin.app.demo;

import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.dashboard.Health;
import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's health for {@code /health}: MQTT connections, the control loop's heartbeat,
 * node freshness, the model and ingestion. DOWN when the controller cannot see or act.
 */
final class DemoHealth {
  private static final Duration LOOP_LATE = Duration.ofSeconds(5);

  private DemoHealth() {}

  static Health of(Demo demo) {
    Instant now = demo.clock().instant();
    Map<String, Component> parts = new LinkedHashMap<>();
    parts.put("telemetry", demo.telemetry().connected()
        ? new Component(Status.UP, "subscribed to " + demo.mqttUri())
        : new Component(Status.DOWN, "not connected to " + demo.mqttUri() + "; reconnecting"));
    parts.put("actuators", demo.executor().connected()
        ? new Component(Status.UP, "connected to " + demo.mqttUri())
        : new Component(Status.DOWN, "not connected to " + demo.mqttUri() + "; reconnecting"));
    parts.put("control-loop", loop(demo.loop().lastTick(), now, demo.loop().heldSetpoints()));
    parts.put("nodes", nodes(demo.state().snapshot(now)));
    parts.put("predictor", new Component(Status.UP, demo.model().report().modelVersion()));
    long rejected = demo.ingest().stats().rejectedTotal();
    parts.put("ingest", new Component(Status.UP, String.format(Locale.ROOT,
        "%d accepted, %d rejected", demo.ingest().stats().accepted(), rejected)));
    return Health.of(parts);
  }

  private static Component loop(Optional<TickReport> last, Instant now, int held) {
    if (last.isEmpty()) {
      return new Component(Status.DOWN, "no tick yet");
    }
    Duration age = Duration.between(last.get().at(), now);
    String detail = String.format(Locale.ROOT, "last tick %.1f s ago, %d CPU caps held",
        age.toMillis() / 1000.0, held);
    return new Component(age.compareTo(LOOP_LATE) > 0 ? Status.DOWN : Status.UP, detail);
  }

  private static Component nodes(ClusterSnapshot snapshot) {
    long stale = snapshot.views().stream().filter(NodeView::stale).count();
    String detail = (snapshot.nodes().size() - stale) + " reporting, " + stale + " stale";
    if (snapshot.nodes().isEmpty()) {
      return new Component(Status.DEGRADED, "no node has reported yet");
    }
    return new Component(stale > 0 ? Status.DEGRADED : Status.UP, detail);
  }
}
