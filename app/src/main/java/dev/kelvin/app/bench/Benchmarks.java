package dev.kelvin.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.policy.guard.SafetyGuard;
import dev.kelvin.predictor.forecast.ForecastSettings;
import dev.kelvin.predictor.forecast.PowerForecastTrainer;
import dev.kelvin.predictor.forecast.PowerForecaster;
import dev.kelvin.simulator.HistoryGenerator;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Kelvin's hot paths, measured on real components: ingest, simulation, training, forecasting,
 * rules and a whole control tick. {@code rounds} scales every measurement ({@code --quick}
 * uses few rounds: a smoke run, not figures to quote).
 */
final class Benchmarks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int rounds;

  Benchmarks(int rounds) {
    this.rounds = rounds;
  }

  /** Decode, validate and admit Kelvin JSON telemetry, one thread. */
  BenchResult ingest(BenchSite site) throws JsonProcessingException {
    Topics topics = Topics.defaults();
    List<NodeReading> readings = site.history();
    byte[][] payloads = new byte[readings.size()][];
    String[] topicOf = new String[readings.size()];
    for (int i = 0; i < payloads.length; i++) {
      payloads[i] = JSON.writeValueAsBytes(TelemetryWire.encode(readings.get(i)));
      topicOf[i] = topics.nodeTelemetry(readings.get(i).node());
    }
    InstantSource clock = Clock.fixed(site.end(), ZoneOffset.UTC);
    Measure.Timing timing = Measure.time(2, rounds, () -> {
      IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(topics, 65_536),
          new ClusterState(StateSettings.defaults()), new IngestCounters(), (r, at) -> { },
          clock, Duration.ofMinutes(1));
      for (int i = 0; i < payloads.length; i++) {
        pipeline.ingest(topicOf[i], payloads[i], readings.get(i).at());
      }
      return pipeline;
    });
    return BenchResult.rate("ingest: decode + validate + admit", nodes(site),
        payloads.length / seconds(timing), "msg", timing);
  }

  /** Generate training history in virtual time. */
  BenchResult history(int nodes) {
    Duration span = Duration.ofHours(1);
    Measure.Timing timing = Measure.time(1, Math.max(1, rounds / 4), () -> HistoryGenerator
        .generate(BenchSite.spec(nodes), 7, BenchSite.START, span, Duration.ofSeconds(1), 0.01));
    return BenchResult.rate("simulator: history, 1 h at 1 s", nodes + " nodes",
        nodes * span.toSeconds() / seconds(timing), "reading", timing);
  }

  /** 30 minutes of 32 nodes: the history the demo trains its power model on at start-up. */
  static List<NodeReading> trainingHistory() {
    return HistoryGenerator.generate(BenchSite.spec(32), 7, BenchSite.START,
        Duration.ofMinutes(30), Duration.ofSeconds(1), 0.01);
  }

  /** Train the power model as the demo does at start-up. */
  BenchResult train(List<NodeReading> history) {
    Measure.Timing timing = Measure.time(1, Math.max(1, rounds / 4), () ->
        new PowerForecastTrainer().train(history, ForecastSettings.defaults()));
    return BenchResult.latency("predictor: train, 30 min history", "32 nodes", timing);
  }

  /** Forecast next-minute power for every node of a snapshot. */
  BenchResult forecast(BenchSite site, PowerForecaster forecaster) {
    ClusterSnapshot snapshot = site.snapshot();
    return BenchResult.latency("predictor: forecast a snapshot", nodes(site),
        Measure.time(rounds, rounds * 5, () -> forecaster.predict(snapshot)));
  }

  /** Run the Drools rules on a snapshot. */
  BenchResult rules(BenchSite site, RulePolicy policy) {
    ClusterSnapshot snapshot = site.snapshot();
    return BenchResult.latency("policy: rules decide", nodes(site),
        Measure.time(rounds, rounds * 5, () -> policy.decide(snapshot, List.of())));
  }

  /** A whole control tick: snapshot, forecast, rules, guard, audit; the executor answers at once. */
  BenchResult tick(BenchSite site, PowerForecaster forecaster, RulePolicy policy) {
    ControlLoop loop = loop(site.state(), site, forecaster, policy);
    Instant at = site.end();
    return BenchResult.latency("control loop: one tick", nodes(site),
        Measure.time(rounds, rounds * 5, () -> loop.tick(at)));
  }

  /**
   * A tick on a snapshot built beforehand, as the simulator hands the loop its own: forecast,
   * rules, guard, audit and leases, without the live state's snapshot.
   */
  BenchResult tickOnSnapshot(BenchSite site, PowerForecaster forecaster, RulePolicy policy) {
    ClusterSnapshot snapshot = site.snapshot();
    ControlLoop loop = loop(now -> snapshot, site, forecaster, policy);
    Instant at = site.end();
    return BenchResult.latency("control loop: tick, snapshot given", nodes(site),
        Measure.time(rounds, rounds * 5, () -> loop.tick(at)));
  }

  private static ControlLoop loop(ClusterView cluster, BenchSite site,
      PowerForecaster forecaster, RulePolicy policy) {
    InstantSource clock = Clock.fixed(site.end(), ZoneOffset.UTC);
    ActionExecutor instant = action -> CompletableFuture.completedFuture(
        ActionResult.of(action.id(), ActionResult.Outcome.APPLIED, site.end(), "bench"));
    return new ControlLoop(new ControlLoop.Ports(cluster, forecaster, policy,
        new SafetyGuard(GuardSettings.defaults()), instant, new InMemoryAuditLog(10_000)), clock);
  }

  static RulePolicy rules() {
    return RulePolicy.load(PolicySettings.defaults(), new ActionIds(BenchSite.START));
  }

  private static String nodes(BenchSite site) {
    return site.spec().nodeCount() + " nodes";
  }

  private static double seconds(Measure.Timing timing) {
    return timing.median().toNanos() / 1e9;
  }
}
