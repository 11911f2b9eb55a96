package dev.kelvin.app.bench;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.simulator.HistoryGenerator;
import dev.kelvin.simulator.SiteSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A simulated site of a given size with a few minutes of history admitted into a live
 * {@link ClusterState}: the input every decision benchmark runs on.
 */
final class BenchSite {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration HISTORY = Duration.ofMinutes(3);

  private final SiteSpec spec;
  private final List<NodeReading> history;
  private final ClusterState state = new ClusterState(StateSettings.defaults()
      .withForgetAfter(Duration.ofDays(2)).withStaleAfter(Duration.ofDays(1)));
  private final HistoryGenerator.Run run;
  private final UnaryOperator<NodeReading> sensors;
  private Instant end;

  /** The site with three minutes of readings every second. */
  BenchSite(int nodes, long seed) {
    this(nodes, seed, Duration.ofSeconds(1), HISTORY, UnaryOperator.identity());
  }

  /**
   * The site with {@code history} of readings every {@code sampleEvery}, each reading passed
   * through {@code sensors} (a bench that changes what some nodes report) before it is admitted.
   */
  BenchSite(int nodes, long seed, Duration sampleEvery, Duration history,
      UnaryOperator<NodeReading> sensors) {
    spec = spec(nodes);
    this.sensors = sensors;
    run = HistoryGenerator.start(spec, seed, START, sampleEvery, 0.01);
    this.history = run.next(history).stream().map(sensors).toList();
    for (NodeReading reading : this.history) {
      state.admit(reading, reading.at());
    }
    end = START.plus(history);
  }

  /**
   * Runs the site on by {@code span} and admits its readings, as live telemetry would arrive
   * between two control ticks; {@link #snapshot()} is then taken at the new end.
   */
  void advance(Duration span) {
    for (NodeReading reading : run.next(span)) {
      NodeReading sensed = sensors.apply(reading);
      state.admit(sensed, sensed.at());
    }
    end = end.plus(span);
  }

  /** Samples every {@code every} from now on (see {@link HistoryGenerator.Run#sampleEvery}). */
  void sampleEvery(Duration every) {
    run.sampleEvery(every);
  }

  /** The demo's site, resized to {@code nodes} in racks of up to 50. */
  static SiteSpec spec(int nodes) {
    SiteSpec demo = SiteSpec.demo();
    int racks = Math.max(1, (nodes + 49) / 50);
    if (nodes % racks != 0) {
      throw new IllegalArgumentException("bench sizes split into equal racks of up to 50 nodes,"
          + " " + nodes + " does not");
    }
    List<Double> inlets = new ArrayList<>(Collections.nCopies(racks, 24.0));
    return new SiteSpec(demo.site(), racks, nodes / racks, demo.node(), inlets,
        demo.workload());
  }

  SiteSpec spec() {
    return spec;
  }

  List<NodeReading> history() {
    return history;
  }

  ClusterState state() {
    return state;
  }

  ClusterSnapshot snapshot() {
    return state.snapshot(end);
  }

  Instant end() {
    return end;
  }
}
