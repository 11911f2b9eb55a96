package dev.kelvin.predictor.forecast;

import dev.kelvin.core.model.NodeReading;
import dev.kelvin.predictor.features.PowerFeatureVector;
import dev.kelvin.predictor.forecast.ExampleBuilder.Examples;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link PowerForecaster} on a reading history, such as one the simulator produced.
 * Every reading anchors an example (features of the window ending there, label the node's
 * power one horizon later); the latest {@code testFraction} of examples by time is held out,
 * and the model and the persistence baseline are scored on it. The same history, settings and
 * seed give the same model and version.
 *
 * <p>Why CART is the default, measured on simulator-like histories (the demo workload's job
 * mix, power = idle + utilisation × range × cap ratio², random caps, ±5 W sensor noise; 1 Hz,
 * 60 s horizon, the last 20 % held out), as the cut in held-out RMSE below persistence's:
 *
 * <pre>
 *   history          seeds    CART (depth 3)            linear SGD
 *   8 nodes, 40 min  1-4      19.2  26.8   8.9  10.7 %  14.5  14.5  12.9   9.4 %
 *   16 nodes, 30 min 1-3      13.9  10.7  22.5 %        8.1  14.1  17.7 %
 *   32 nodes, 60 min 7, 11    17.0  18.5 %              13.6  15.7 %
 * </pre>
 *
 * CART won 7 of 9 and on average (16.5 % against 13.4 %), fits in 0.1-2.3 s and forecasts 32
 * nodes in well under a millisecond. It learns what a line cannot: an idle node tends to start
 * a job, a node that just stepped tends to stay, a capped node cannot rise as far. Deeper trees
 * did no better on the large histories and worse on the small ones: neighbouring examples
 * share their future, so there is less to learn from than the count suggests. Both models gain
 * by anticipating some job starts and ends; their MAE stays close to persistence's, which is
 * exact whenever nothing changes.
 */
public final class PowerForecastTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(PowerForecastTrainer.class);

  /**
   * Fewer training examples than this (about 3 minutes of one node) cannot fit a useful
   * model; CART's 64 feature bins also need several examples each.
   */
  static final int MIN_TRAINING_EXAMPLES = 200;
  /** Fewer held-out examples than this cannot judge one. */
  static final int MIN_TEST_EXAMPLES = 30;

  private final ForecastAlgorithm algorithm;

  /** A trainer of CART regression trees, the measured default. */
  public PowerForecastTrainer() {
    this(ForecastAlgorithm.CART);
  }

  public PowerForecastTrainer(ForecastAlgorithm algorithm) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
  }

  /**
   * Trains on {@code history}: readings of any number of nodes in any order.
   *
   * @throws IllegalArgumentException when the history yields too few examples to train on or
   *     to hold out, with the counts of what was skipped and why
   */
  public TrainedForecaster train(List<NodeReading> history, ForecastSettings settings) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(settings, "settings");
    long started = System.nanoTime();
    Examples examples = ExampleBuilder.build(history, settings);
    requireEnough(examples.examples().size(), MIN_TRAINING_EXAMPLES + MIN_TEST_EXAMPLES,
        "labelled", examples, settings);
    TimeSplit split = TimeSplit.of(examples.examples(), settings.testFraction());
    requireEnough(split.training().size(), MIN_TRAINING_EXAMPLES, "training", examples, settings);
    requireEnough(split.test().size(), MIN_TEST_EXAMPLES, "held-out", examples, settings);
    RegressionModel model = TribuoRegression.train(split.training(), algorithm, settings);
    TrainingReport report = report(model, examples, split, settings, started);
    LOG.info("trained power forecaster {}", report.summary());
    if (report.rmseImprovementRatio() <= 0) {
      LOG.warn("power forecaster {} is no better than persistence on held-out data; a longer"
          + " or more varied history may help", report.modelVersion());
    }
    return new TrainedForecaster(new PowerForecaster(model, settings), report);
  }

  private TrainingReport report(RegressionModel model, Examples examples, TimeSplit split,
      ForecastSettings settings, long startedNanos) {
    ForecastMetrics modelMetrics =
        score(split.test(), features -> Math.max(0, model.forecastWatts(features)));
    ForecastMetrics persistence = score(split.test(), PowerFeatureVector::powerWatts);
    ExampleCounts counts = new ExampleCounts(examples.readings(), examples.duplicates(),
        examples.nodes(), examples.tooShort(), examples.missingMetric(), examples.unlabelled(),
        split.purged(), split.training().size(), split.test().size());
    return new TrainingReport(model.version(), algorithm, settings, counts, split.splitAt(),
        modelMetrics, persistence, Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /** The errors of {@code forecaster}'s watts against the labels of {@code test}. */
  private static ForecastMetrics score(List<LabelledExample> test,
      ToDoubleFunction<PowerFeatureVector> forecaster) {
    double[] actual = new double[test.size()];
    double[] forecast = new double[test.size()];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = test.get(i).labelWatts();
      forecast[i] = forecaster.applyAsDouble(test.get(i).features());
    }
    return ForecastMetrics.of(actual, forecast);
  }

  private static void requireEnough(int have, int need, String what, Examples examples,
      ForecastSettings settings) {
    if (have < need) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "a history of %d readings from %d nodes gave %d %s examples, need at least %d: each"
              + " example needs %s of readings before it and a power reading %s after it"
              + " (skipped: %d with too short a window, %d missing a metric, %d with no"
              + " reading one horizon later, %d duplicate readings); give a longer history",
          examples.readings(), examples.nodes(), have, what, need, settings.window(),
          settings.horizon(), examples.tooShort(), examples.missingMetric(),
          examples.unlabelled(), examples.duplicates()));
    }
  }
}
