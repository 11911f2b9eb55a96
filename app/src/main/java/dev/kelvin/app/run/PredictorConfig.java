package dev.kelvin.app.run;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;

/**
 * The {@code predictor} section: which power model the controller runs with. {@code none}
 * decides without predictions (the thermal rules need none); {@code simulated} trains the
 * next-minute power model at start on simulated history of a site like the demo's, as
 * {@code kelvin demo} does (models trained on a site's own stored history come with the
 * predictor's training command).
 *
 * @param training how much simulated history to train on
 * @param seed the seed of that history
 */
public record PredictorConfig(Model model, Duration training, long seed) {
  /** Which model. */
  public enum Model { NONE, SIMULATED }

  static PredictorConfig read(ConfigTree section) {
    Model model = section.enumValue("model", Model.class, Model.NONE);
    Duration training = section.duration("training", Duration.ofMinutes(30));
    long seed = section.longInteger("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    return section.build(() -> new PredictorConfig(model, training, seed));
  }

  public PredictorConfig {
    if (training.compareTo(Duration.ofMinutes(5)) < 0
        || training.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("training must be within 5m..24h of simulated"
          + " history, was " + training);
    }
  }
}
