package dev.kelvin.app.models;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.simulator.SimulatedNode;
import dev.kelvin.simulator.SimulatedSite;
import dev.kelvin.simulator.SiteSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The snapshots the demo's controller takes, without the broker in between: the demo's
 * simulated site (its spec and seed) sampled every second as its agents sample it, each reading
 * admitted to a {@link ClusterState} with the demo's state settings (the defaults), and a
 * snapshot taken every tick, in virtual time.
 */
final class DemoSnapshots {
  static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

  private final SimulatedSite site;
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private Instant now;
  private long seq;

  DemoSnapshots(Instant start) {
    this.site = new SimulatedSite(SiteSpec.demo(), SiteSpec.DEMO_SEED, start);
    this.now = start;
  }

  /** Runs {@code span} of virtual time, handing each tick's snapshot to {@code tick}. */
  void run(Duration span, Duration tickEvery, Consumer<ClusterSnapshot> tick) {
    Instant end = now.plus(span);
    Instant nextTick = now.plus(tickEvery);
    while (now.isBefore(end)) {
      now = now.plus(SAMPLE_EVERY);
      site.advanceTo(now);
      seq++;
      for (SimulatedNode node : site.nodes()) {
        state.admit(new NodeReading(node.node(), node.rack(), now, seq, node.sample().node()),
            now);
      }
      if (!now.isBefore(nextTick)) {
        tick.accept(state.snapshot(now));
        nextTick = nextTick.plus(tickEvery);
      }
    }
  }

  int nodeCount() {
    return site.nodes().size();
  }
}
