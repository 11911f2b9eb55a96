package dev.kelvin.predictor.serve;

import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.model.ModelKind;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kelvin's {@link Predictor}: once per tick it asks every model in force (one per kind, from
 * the {@link ModelRegistry}) for its predictions on the whole snapshot, one batch per model,
 * and returns them all. A model that throws is isolated: its kind predicts nothing this tick,
 * the failure is counted, logged at most once per {@link #LOG_EVERY} per model version, and
 * the other kinds still predict. Each model's time on the snapshot goes to {@link
 * ModelTimings}. With no model in force it predicts nothing. Thread-safe.
 */
public final class ModelPredictor implements Predictor {
  /** A failing model is logged at most this often (every failure is counted). */
  static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(ModelPredictor.class);

  private final Supplier<List<ActiveModel>> active;
  private final ModelTimings timings;
  private final PerKeyThrottle failureLog;
  private final Map<ModelKind, Counters> counters = new EnumMap<>(ModelKind.class);

  /**
   * @param active the models in force, asked once per tick ({@link ModelRegistry#active})
   * @param clock the time failure logging is throttled by
   */
  public ModelPredictor(Supplier<List<ActiveModel>> active, ModelTimings timings,
      InstantSource clock) {
    this.active = Objects.requireNonNull(active, "active");
    this.timings = Objects.requireNonNull(timings, "timings");
    this.failureLog = new PerKeyThrottle(LOG_EVERY, clock, 1_000);
    for (ModelKind kind : ModelKind.values()) {
      counters.put(kind, new Counters());
    }
  }

  @Override
  public List<Prediction> predict(ClusterSnapshot snapshot) {
    List<Prediction> all = new ArrayList<>();
    for (ActiveModel model : active.get()) {
      all.addAll(predict(model, snapshot));
    }
    return all;
  }

  private List<Prediction> predict(ActiveModel model, ClusterSnapshot snapshot) {
    Counters count = counters.get(model.kind());
    count.ticks.increment();
    long started = System.nanoTime();
    try {
      List<Prediction> predictions = model.model().predict(snapshot);
      count.predictions.add(predictions.size());
      return predictions;
    } catch (RuntimeException e) {
      count.failures.increment();
      if (failureLog.allow(model.version())) {
        LOG.warn("{} model {} failed on the snapshot of {} nodes; its kind predicts nothing this"
            + " tick, the other kinds still do ({} failure(s) of {} models so far; logged at"
            + " most once a minute)", model.kind().wireName(), model.version(),
            snapshot.nodes().size(), count.failures.sum(), model.kind().wireName(), e);
      }
      return List.of();
    } finally {
      timings.record(model.kind(), Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** What the model of {@code kind} did since start, whichever version served. */
  public KindStats stats(ModelKind kind) {
    Counters count = counters.get(kind);
    return new KindStats(count.ticks.sum(), count.predictions.sum(), count.failures.sum());
  }

  private static final class Counters {
    final LongAdder ticks = new LongAdder();
    final LongAdder predictions = new LongAdder();
    final LongAdder failures = new LongAdder();
  }
}
