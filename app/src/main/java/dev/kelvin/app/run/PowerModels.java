package dev.kelvin.app.run;

import dev.kelvin.core.model.NodeReading;
import dev.kelvin.predictor.forecast.ForecastSettings;
import dev.kelvin.predictor.forecast.PowerForecastTrainer;
import dev.kelvin.predictor.forecast.PowerForecaster;
import dev.kelvin.predictor.forecast.TrainedForecaster;
import dev.kelvin.simulator.HistoryGenerator;
import dev.kelvin.simulator.SiteSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The power model {@code kelvin run} starts with, as its {@code predictor} section says. */
final class PowerModels {
  private static final Logger LOG = LoggerFactory.getLogger(PowerModels.class);

  private PowerModels() {}

  static Optional<PowerForecaster> load(PredictorConfig config) {
    if (config.model() == PredictorConfig.Model.NONE) {
      LOG.info("no power model trained at start (predictor.model: none)");
      return Optional.empty();
    }
    Instant now = Instant.now();
    List<NodeReading> history = HistoryGenerator.generate(SiteSpec.demo(), config.seed() + 1,
        now.minus(config.training()), config.training(), Duration.ofSeconds(1), 0.01);
    TrainedForecaster trained = new PowerForecastTrainer().train(history,
        ForecastSettings.defaults().withSeed(config.seed()));
    LOG.info("power model trained on {} simulated readings: {}", history.size(),
        trained.report().summary());
    return Optional.of(trained.predictor());
  }
}
