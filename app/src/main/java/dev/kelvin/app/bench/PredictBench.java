package dev.kelvin.app.bench;

import dev.kelvin.app.StartupException;
import dev.kelvin.core.model.ClusterSnapshot;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serving timed: the given model files loaded with the loader of their kind, one
 * {@link ModelPredictor} over them, and its {@code predict} on one snapshot timed per tick
 * after warm-up ticks, as a whole and per kind (what {@link dev.kelvin.predictor.serve
 * .ModelTimings} reports), in microseconds per node of the snapshot.
 */
final class PredictBench {
  /** The target for a whole tick, per node, on 2 cores. */
  static final double TARGET_MICROS_PER_NODE = 20;

  /** Per node: the median and 99th percentile over the measured ticks, in microseconds. */
  record Timing(double p50MicrosPerNode, double p99MicrosPerNode, double p50MsPerTick,
      double p99MsPerTick) {}

  /** One kind's figures. */
  record KindResult(ModelKind kind, String version, Path file, Timing timing,
      int predictions) {}

  /** The figures of one run. */
  record Result(int nodes, int warmups, int ticks, Timing total, List<KindResult> kinds,
      int predictions) {

    boolean targetMet() {
      return total.p50MicrosPerNode() <= TARGET_MICROS_PER_NODE;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("nodes", nodes);
      json.put("warmup_ticks", warmups);
      json.put("ticks", ticks);
      json.put("micros_per_node", total.p50MicrosPerNode());
      json.put("micros_per_node_p99", total.p99MicrosPerNode());
      json.put("ms_per_tick", total.p50MsPerTick());
      json.put("ms_per_tick_p99", total.p99MsPerTick());
      json.put("predictions", predictions);
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
   * Loads {@code files} with {@code loaders}, then times {@code ticks} predictions on
   * {@code snapshot} after {@code warmups}.
   *
   * @throws StartupException naming the file when one cannot be served, or two are of one kind
   */
  static Result run(ClusterSnapshot snapshot, List<? extends ModelLoader> loaders,
      List<Path> files, int warmups, int ticks) {
    List<ActiveModel> models = load(loaders, files, snapshot.at());
    Map<ModelKind, long[]> kindNanos = new EnumMap<>(ModelKind.class);
    int[] tick = {-1};
    ModelPredictor predictor = new ModelPredictor(() -> models, (kind, took) -> {
      if (tick[0] >= 0) {
        kindNanos.computeIfAbsent(kind, k -> new long[ticks])[tick[0]] = took.toNanos();
      }
    }, Clock.systemUTC());
    List<Prediction> last = List.of();
    for (int i = 0; i < warmups; i++) {
      last = predictor.predict(snapshot);
    }
    long[] totalNanos = new long[ticks];
    for (tick[0] = 0; tick[0] < ticks; tick[0]++) {
      long started = System.nanoTime();
      last = predictor.predict(snapshot);
      totalNanos[tick[0]] = System.nanoTime() - started;
    }
    int nodes = snapshot.nodes().size();
    List<KindResult> kinds = new ArrayList<>();
    for (ActiveModel model : models) {
      int made = (int) last.stream().filter(p -> version(p).equals(model.version())).count();
      kinds.add(new KindResult(model.kind(), model.version(), model.model().file().path(),
          timing(kindNanos.getOrDefault(model.kind(), new long[ticks]), nodes), made));
    }
    return new Result(nodes, warmups, ticks, timing(totalNanos, nodes), kinds, last.size());
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

  private static String version(Prediction prediction) {
    return prediction.modelVersion();
  }

  private static Timing timing(long[] nanos, int nodes) {
    double p50 = PolicyBench.percentileMs(nanos, 0.50);
    double p99 = PolicyBench.percentileMs(nanos, 0.99);
    double perNode = 1000.0 / Math.max(1, nodes);
    return new Timing(p50 * perNode, p99 * perNode, p50, p99);
  }
}
