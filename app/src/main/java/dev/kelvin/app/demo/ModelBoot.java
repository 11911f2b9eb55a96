package dev.kelvin.app.demo;

import dev.kelvin.core.model.NodeReading;
import dev.kelvin.predictor.forecast.ForecastSettings;
import dev.kelvin.predictor.forecast.PowerForecastTrainer;
import dev.kelvin.predictor.forecast.PowerForecaster;
import dev.kelvin.predictor.forecast.TrainedForecaster;
import dev.kelvin.predictor.forecast.TrainingReport;
import dev.kelvin.simulator.HistoryGenerator;
import dev.kelvin.simulator.SiteSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the demo's power model at start-up, when asked for with {@code --train-power-model}
 * (the demo serves model files otherwise), on history the simulator makes in virtual time:
 * the same site, another seed (so the model is not tested on the workload it learned), with
 * random frequency caps now and then so that it learns what a cap does to power.
 */
final class ModelBoot {
  private static final Logger LOG = LoggerFactory.getLogger(ModelBoot.class);
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
  private static final double CAP_CHANGE_PROBABILITY = 0.01;

  /** The trained predictor with its evaluation, and how long history and training took. */
  record Trained(PowerForecaster forecaster, TrainingReport report, Duration took) {}

  private ModelBoot() {}

  static Trained train(SiteSpec spec, DemoOptions options, Instant now) {
    long started = System.nanoTime();
    List<NodeReading> history = HistoryGenerator.generate(spec, options.seed() + 1,
        now.minus(options.trainingSpan()), options.trainingSpan(), SAMPLE_EVERY,
        CAP_CHANGE_PROBABILITY);
    TrainedForecaster trained = new PowerForecastTrainer().train(history,
        ForecastSettings.defaults().withSeed(options.seed()));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    LOG.info("power model trained on {} simulated readings in {} ms: {}", history.size(),
        took.toMillis(), trained.report().summary());
    return new Trained(trained.predictor(), trained.report(), took);
  }
}
