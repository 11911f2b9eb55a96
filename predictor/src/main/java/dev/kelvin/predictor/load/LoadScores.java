package dev.kelvin.predictor.load;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;

/**
 * A load model's evaluation: a score per trace, and overall figures that are the mean over
 * the traces that have one (MASE is scale-free, so traces in watts and in CPU % average).
 */
public record LoadScores(LoadHorizons horizons, Instant testFrom, List<TraceScore> traces) {
  public LoadScores {
    Objects.requireNonNull(horizons, "horizons");
    Objects.requireNonNull(testFrom, "testFrom");
    traces = List.copyOf(traces);
  }

  /** The model's MASE at horizon {@code h}, averaged over traces. */
  public double mase(int h) {
    return mean(h, TraceScore::mase);
  }

  public double persistenceMase(int h) {
    return mean(h, TraceScore::persistenceMase);
  }

  public double seasonalMase(int h) {
    return mean(h, TraceScore::seasonalMase);
  }

  /** The mean over horizons of {@link #mase}: how validation ranks candidates. */
  public double meanMase() {
    double sum = 0;
    for (int h = 0; h < horizons.count(); h++) {
      sum += mase(h);
    }
    return sum / horizons.count();
  }

  private double mean(int h, ToDoubleBiFunction<TraceScore, Integer> figure) {
    double sum = 0;
    int n = 0;
    for (TraceScore trace : traces) {
      double value = figure.applyAsDouble(trace, h);
      if (Double.isFinite(value)) {
        sum += value;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
