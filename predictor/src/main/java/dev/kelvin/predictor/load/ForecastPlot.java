package dev.kelvin.predictor.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of one test series with what each method forecast for it: {@code actual[j]} is the
 * value of interval {@code start + j * step}; {@code model[h][j]} the model's forecast of it made
 * horizon {@code h} earlier, likewise {@code persistence} and {@code seasonal}; NaN where no
 * forecast or value exists.
 */
public record ForecastPlot(String series, Instant start, Duration step, double[] actual,
    double[][] model, double[][] persistence, double[][] seasonal) {
  public ForecastPlot {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
  }
}
