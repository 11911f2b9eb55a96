package dev.kelvin.core.prediction;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Forecast power, in watts, and optionally utilisation (0-1) of {@code scope}, {@code horizon}
 * after the snapshot it was made from.
 */
public record LoadForecast(ForecastScope scope, Duration horizon, double powerWatts,
    OptionalDouble utilizationRatio, String modelVersion) implements Prediction {
  public LoadForecast {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(utilizationRatio, "utilizationRatio");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Checks.positive("horizon", horizon);
    if (!(powerWatts >= 0) || Double.isInfinite(powerWatts)) {
      throw new IllegalArgumentException("forecast powerWatts must be a finite number >= 0 W, was "
          + powerWatts + " (clamp a regression's output before reporting it)");
    }
    if (utilizationRatio.isPresent()) {
      Checks.ratio("utilizationRatio", utilizationRatio.getAsDouble());
    }
  }
}
