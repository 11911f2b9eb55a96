package dev.kelvin.predictor.load;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a model did on one trace, per horizon (in the order of the model's horizons), with the
 * in-sample scale its MASE divides by, and a stretch of forecasts against actual values to plot.
 */
public record TraceScore(String trace, String unit, NaiveScale scale,
    List<HorizonScore> horizons, Optional<ForecastPlot> plot) {
  public TraceScore {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(plot, "plot");
    horizons = List.copyOf(horizons);
  }

  /** The model's MASE at horizon {@code h}; NaN when there is no scale or no forecast. */
  public double mase(int h) {
    return scale.mase(horizons.get(h).modelMae());
  }

  public double persistenceMase(int h) {
    return scale.mase(horizons.get(h).persistenceMae());
  }

  public double seasonalMase(int h) {
    return scale.mase(horizons.get(h).seasonalMae());
  }
}
