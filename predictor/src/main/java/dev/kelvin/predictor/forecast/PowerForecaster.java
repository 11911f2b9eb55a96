package dev.kelvin.predictor.forecast;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.features.FeatureResult;
import dev.kelvin.predictor.features.FeatureResult.Extracted;
import dev.kelvin.predictor.features.FeatureResult.SkipReason;
import dev.kelvin.predictor.features.FeatureResult.Skipped;
import dev.kelvin.predictor.features.PowerFeatureVector;
import dev.kelvin.predictor.features.PowerFeatures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forecasts each node's power one horizon ahead with a trained regression. For every node in
 * a snapshot that is not stale and has a long enough window with every metric its features
 * need, it returns a {@link LoadForecast} of the node, in watts, never below 0, carrying the
 * model version. Other nodes are skipped and counted in {@link #stats()}; a node whose forecast
 * fails is counted and logged, and the other nodes still get theirs.
 *
 * <p>Thread-safe: the model is immutable and the counters are concurrent. Built by
 * {@link PowerForecastTrainer}.
 */
public final class PowerForecaster implements Predictor {
  private static final Logger LOG = LoggerFactory.getLogger(PowerForecaster.class);

  private final RegressionModel model;
  private final PowerFeatures features;
  private final Duration horizon;
  private final LongAdder forecasts = new LongAdder();
  private final LongAdder skippedStale = new LongAdder();
  private final LongAdder skippedTooShort = new LongAdder();
  private final LongAdder skippedMissingMetric = new LongAdder();
  private final LongAdder failed = new LongAdder();

  PowerForecaster(RegressionModel model, ForecastSettings settings) {
    this.model = Objects.requireNonNull(model, "model");
    this.features = new PowerFeatures(settings.window());
    this.horizon = settings.horizon();
  }

  @Override
  public List<Prediction> predict(ClusterSnapshot snapshot) {
    List<Prediction> predictions = new ArrayList<>(snapshot.nodes().size());
    for (NodeView view : snapshot.views()) {
      forecast(view).ifPresent(predictions::add);
    }
    return predictions;
  }

  /** The forecast for one node, or empty when it is stale or its window does not serve. */
  public Optional<LoadForecast> forecast(NodeView view) {
    if (view.stale()) {
      skippedStale.increment();
      return Optional.empty();
    }
    FeatureResult result = features.extract(view);
    if (result instanceof Skipped skipped) {
      (skipped.reason() == SkipReason.TOO_SHORT ? skippedTooShort : skippedMissingMetric)
          .increment();
      LOG.debug("no power forecast for {}: {}", view.id(), skipped.detail());
      return Optional.empty();
    }
    OptionalDouble watts = modelWatts(view, ((Extracted) result).features());
    if (watts.isEmpty()) {
      failed.increment();
      return Optional.empty();
    }
    forecasts.increment();
    return Optional.of(new LoadForecast(ForecastScope.node(view.id()), horizon,
        Math.max(0, watts.getAsDouble()), OptionalDouble.empty(), model.version()));
  }

  /**
   * The model's forecast, or empty when the model fails or gives no number. The first failure
   * is logged as a warning with its cause, later ones at debug level: {@link #stats()} counts
   * them all, and a broken model would otherwise log every node on every tick.
   */
  private OptionalDouble modelWatts(NodeView view, PowerFeatureVector vector) {
    double watts;
    try {
      watts = model.forecastWatts(vector);
    } catch (RuntimeException e) {
      logFailure("power model " + model.version() + " failed on " + view.id(), e);
      return OptionalDouble.empty();
    }
    if (!Double.isFinite(watts)) {
      logFailure("power model " + model.version() + " forecast " + watts + " W for "
          + view.id(), null);
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(watts);
  }

  private void logFailure(String what, RuntimeException cause) {
    if (failed.sum() == 0) {
      LOG.warn("{}; skipping the node this tick (later failures are logged at debug level and"
          + " counted in stats())", what, cause);
    } else {
      LOG.debug("{}; skipping the node this tick", what, cause);
    }
  }

  /** Like {@code power-cart-1a2b3c4d}: the algorithm and 8 hex digits of the provenance hash. */
  public String modelVersion() {
    return model.version();
  }

  public Duration horizon() {
    return horizon;
  }

  public Duration window() {
    return features.window();
  }

  /** Counts since this forecaster was built. */
  public ForecastStats stats() {
    return new ForecastStats(forecasts.sum(), skippedStale.sum(), skippedTooShort.sum(),
        skippedMissingMetric.sum(), failed.sum());
  }
}
