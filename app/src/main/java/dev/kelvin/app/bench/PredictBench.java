package dev.kelvin.app.bench;

import dev.kelvin.app.StartupException;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.serve.ActiveModel;
import dev.kelvin.predictor.serve.ModelLoader;
import dev.kelvin.predictor.serve.ModelPredictor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serving timed: the given model files loaded with the loader of their kind, one
 * {@link ModelPredictor} over them, fed a {@link PredictWorld}'s hour of history, then its
 * {@code predict} timed on each new snapshot as the world runs on tick by tick after warm-up
 * ticks, as a whole and per kind (what {@link dev.kelvin.predictor.serve.ModelTimings}
 * reports), in microseconds per node of the snapshot. Counts the predictions of each kind (the
 * fewest of any measured tick), so a bench whose nodes the models cannot describe shows it.
 */
final class PredictBench {
  /** The target for a whole tick, per node, on 2 cores. */
  static final double TARGET_MICROS_PER_NODE = 20;

  /** Per node: the median and 99th percentile over the measured ticks, in microseconds. */
  record Timing(double p50MicrosPerNode, double p99MicrosPerNode, double p50MsPerTick,
      double p99MsPerTick) {}

  /** One kind's figures; {@code predictions} is the fewest of any measured tick. */
  record KindResult(ModelKind kind, String version, Path file, Timing timing,
      int predictions) {}

  /**
   * The failure risks of the last measured tick: the median of the nodes that show precursors
   * and of the others; NaN without a failure model.
   */
  record Risks(int precursorNodes, double precursorMedian, double othersMedian) {}

  /** The figures of one run. */
  record Result(int nodes, int historyTicks, int warmups, int ticks, Timing total,
      List<KindResult> kinds, int predictions, Risks risks) {

    boolean targetMet() {
      return total.p50MicrosPerNode() <= TARGET_MICROS_PER_NODE;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("nodes", nodes);
      json.put("history_ticks", historyTicks);
      json.put("warmup_ticks", warmups);
      json.put("ticks", ticks);
      json.put("micros_per_node", total.p50MicrosPerNode());
      json.put("micros_per_node_p99", total.p99MicrosPerNode());
      json.put("ms_per_tick", total.p50MsPerTick());
      json.put("ms_per_tick_p99", total.p99MsPerTick());
      json.put("predictions", predictions);
      json.put("precursor_nodes", risks.precursorNodes());
      json.put("failure_risk_median_precursor_nodes", risks.precursorMedian());
      json.put("failure_risk_median_other_nodes", risks.othersMedian());
      json.put("target_micros_per_node", TARGET_MICROS_PER_NODE);
      json.put("target_met", targetMet());
      Map<String, Object> perKind = new LinkedHashMap<>();
      for (KindResult kind : kinds) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("version", kind.version());
        one.put("file", kind.file().toString());
        one.put("micros_per_node", kind.timing().p50MicrosPerNode());
        one.put("micros_per_node_p99", kind.timing().p99MicrosPerNode());
        one.put("predictions", kind.predictions());
        perKind.put(kind.kind().wireName(), one);
      }
      json.put("kinds", perKind);
      return json;
    }
  }

  private PredictBench() {}

  /**
   * Loads {@code files} with {@code loaders}, runs {@code world}'s history through them, then
   * times {@code ticks} predictions after {@code warmups}, the world running on by one tick
   * before each (not timed).
   *
   * @throws StartupException naming the file when one cannot be served, or two are of one kind
   */
  static Result run(PredictWorld world, List<? extends ModelLoader> loaders,
      List<Path> files, int warmups, int ticks) {
    List<ActiveModel> models = load(loaders, files, world.snapshot().at());
    Map<ModelKind, long[]> kindNanos = new EnumMap<>(ModelKind.class);
    int[] tick = {-1};
    ModelPredictor predictor = new ModelPredictor(() -> models, (kind, took) -> {
      if (tick[0] >= 0) {
        kindNanos.computeIfAbsent(kind, k -> new long[ticks])[tick[0]] = took.toNanos();
      }
    }, Clock.systemUTC());
    int history = world.history(predictor::predict);
    for (int i = 0; i < warmups; i++) {
      world.tick();
      predictor.predict(world.snapshot());
    }
    long[] totalNanos = new long[ticks];
    Map<String, Integer> fewest = new HashMap<>();
    List<Prediction> last = List.of();
    for (tick[0] = 0; tick[0] < ticks; tick[0]++) {
      world.tick();
      ClusterSnapshot snapshot = world.snapshot();
      long started = System.nanoTime();
      last = predictor.predict(snapshot);
      totalNanos[tick[0]] = System.nanoTime() - started;
      countByVersion(last).forEach((version, n) -> fewest.merge(version, n, Math::min));
    }
    int nodes = world.snapshot().nodes().size();
    List<KindResult> kinds = new ArrayList<>();
    for (ActiveModel model : models) {
      kinds.add(new KindResult(model.kind(), model.version(), model.model().file().path(),
          timing(kindNanos.getOrDefault(model.kind(), new long[ticks]), nodes),
          fewest.getOrDefault(model.version(), 0)));
    }
    return new Result(nodes, history, warmups, ticks, timing(totalNanos, nodes), kinds,
        last.size(), risks(last, world.precursorNodes()));
  }

  private static Map<String, Integer> countByVersion(List<Prediction> predictions) {
    Map<String, Integer> counts = new HashMap<>();
    for (Prediction prediction : predictions) {
      counts.merge(prediction.modelVersion(), 1, Integer::sum);
    }
    return counts;
  }

  private static Risks risks(List<Prediction> predictions, List<NodeId> precursorNodes) {
    Set<NodeId> precursor = new HashSet<>(precursorNodes);
    List<Double> theirs = new ArrayList<>();
    List<Double> others = new ArrayList<>();
    for (Prediction prediction : predictions) {
      if (prediction instanceof FailureRisk risk) {
        (precursor.contains(risk.node()) ? theirs : others).add(risk.probability());
      }
    }
    return new Risks(precursorNodes.size(), median(theirs), median(others));
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static List<ActiveModel> load(List<? extends ModelLoader> loaders, List<Path> files,
      Instant at) {
    Map<ModelKind, ActiveModel> models = new EnumMap<>(ModelKind.class);
    for (Path path : files) {
      try {
        ModelFile file = ModelFile.read(path);
        ModelKind kind = file.meta().kind();
        ModelLoader loader = loaders.stream().filter(l -> l.kind() == kind).findFirst()
            .orElseThrow(() -> new StartupException("model file " + path + ": a "
                + kind.wireName() + " model, and this Kelvin has no loader for "
                + kind.wireName() + " models"));
        ActiveModel before = models.put(kind, new ActiveModel(kind, loader.load(file),
            "bench", at, false));
        if (before != null) {
          throw new StartupException("two " + kind.wireName() + " models given: "
              + before.model().file().path() + " and " + path + "; a tick serves one per kind");
        }
      } catch (ModelFileException e) {
        throw new StartupException(e.getMessage(), e);
      }
    }
    return List.copyOf(models.values());
  }

  private static Timing timing(long[] nanos, int nodes) {
    double p50 = PolicyBench.percentileMs(nanos, 0.50);
    double p99 = PolicyBench.percentileMs(nanos, 0.99);
    double perNode = 1000.0 / Math.max(1, nodes);
    return new Timing(p50 * perNode, p99 * perNode, p50, p99);
  }
}
