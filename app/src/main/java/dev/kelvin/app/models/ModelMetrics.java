package dev.kelvin.app.models;

import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.serve.ModelPredictor;
import dev.kelvin.predictor.serve.ModelRegistry;
import dev.kelvin.predictor.serve.ModelTimings;
import dev.kelvin.predictor.serve.RefusalReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;

/**
 * The served models on {@code /metrics}: each kind's time on a whole snapshot (median and 99th
 * percentile), its predictions and failures, which kinds serve, the files read and the files
 * refused by reason. The registry and the predictor are the meters' state: the controller holds
 * them for as long as it runs.
 */
public final class ModelMetrics {
  private ModelMetrics() {}

  /** Where {@link ModelPredictor} reports each kind's time: a timer per kind. */
  public static ModelTimings timings(MeterRegistry registry) {
    Map<ModelKind, Timer> timers = new EnumMap<>(ModelKind.class);
    for (ModelKind kind : ModelKind.values()) {
      timers.put(kind, Timer.builder("kelvin.predictor.model")
          .description("Time one kind's model takes to predict for a whole snapshot, features"
              + " included").tag("kind", kind.wireName()).publishPercentiles(0.5, 0.99)
          .register(registry));
    }
    return (kind, took) -> timers.get(kind).record(took);
  }

  public static void bind(MeterRegistry registry, ModelRegistry models,
      ModelPredictor predictor) {
    for (ModelKind kind : ModelKind.values()) {
      String tag = kind.wireName();
      FunctionCounter.builder("kelvin.predictor.predictions", predictor,
              p -> p.stats(kind).predictions())
          .description("Predictions made, by model kind").tag("kind", tag).register(registry);
      FunctionCounter.builder("kelvin.predictor.failures", predictor,
              p -> p.stats(kind).failures())
          .description("Ticks on which a kind's model threw (the other kinds still predicted)")
          .tag("kind", tag).register(registry);
      Gauge.builder("kelvin.models.served", models,
              m -> m.active().stream().anyMatch(a -> a.kind() == kind) ? 1 : 0)
          .description("1 while a model of the kind serves").tag("kind", tag).register(registry);
    }
    FunctionCounter.builder("kelvin.models.loaded", models, ModelRegistry::loads)
        .description("Model files read into a model that can serve").register(registry);
    for (RefusalReason reason : RefusalReason.values()) {
      FunctionCounter.builder("kelvin.models.refused", models, m -> m.refusals(reason))
          .description("Model files refused, by reason (the model in force serves on)")
          .tag("reason", reason.label()).register(registry);
    }
  }
}
