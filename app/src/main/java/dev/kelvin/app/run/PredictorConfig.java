package dev.kelvin.app.run;

import dev.kelvin.app.models.ModelServing;
import dev.kelvin.core.config.ConfigTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code predictor} section: which model files the controller serves, and whether it also
 * trains the next-minute power model at start. Model files come from {@code models_dir} (the
 * operator's, watched for changes every {@code models_reload_every}) and from the models shipped
 * with Kelvin. {@code model: simulated} trains the power model at start on simulated history
 * of a site like the demo's, as {@code kelvin demo --train-power-model} does; {@code none} (the
 * default) trains nothing at start.
 *
 * @param training how much simulated history to train on
 * @param seed the seed of that history
 * @param modelsDir the operator's folder of {@code *.model} files; empty: the shipped ones only
 * @param modelsReloadEvery how often {@code modelsDir} is looked at for changes
 */
public record PredictorConfig(Model model, Duration training, long seed,
    Optional<Path> modelsDir, Duration modelsReloadEvery) {
  /** Whether to train the power model at start. */
  public enum Model { NONE, SIMULATED }

  static PredictorConfig read(ConfigTree section) {
    Model model = section.enumValue("model", Model.class, Model.NONE);
    Duration training = section.duration("training", Duration.ofMinutes(30));
    long seed = section.longInteger("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    Optional<Path> modelsDir = section.optionalPath("models_dir");
    Duration reload = section.duration("models_reload_every",
        ModelServing.DEFAULT_RELOAD_EVERY, Duration.ofMillis(100), Duration.ofHours(1));
    return section.build(() -> new PredictorConfig(model, training, seed, modelsDir, reload));
  }

  public PredictorConfig {
    Objects.requireNonNull(modelsDir, "modelsDir");
    if (training.compareTo(Duration.ofMinutes(5)) < 0
        || training.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("training must be within 5m..24h of simulated"
          + " history, was " + training);
    }
  }

  /** The model files to serve: {@code modelsDir}, then the shipped ones. */
  public ModelServing serving() {
    return ModelServing.standard(modelsDir, "predictor.models_dir", modelsReloadEvery);
  }
}
