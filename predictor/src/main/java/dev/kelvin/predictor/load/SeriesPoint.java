package dev.kelvin.predictor.load;

import dev.kelvin.datasets.load.LoadSeries;
import java.time.Instant;

/**
 * One anchor of one series: value {@code index} is the last known when the forecast is made,
 * at the end of its interval.
 */
record SeriesPoint(LoadSeries series, int index) {
  /** The series seen from this point. */
  Lookback lookback() {
    return steps -> index - steps >= 0 && index - steps < series.length()
        ? series.value(index - steps) : Double.NaN;
  }

  /** When the forecast is made: the end of the anchor's interval. */
  Instant madeAt() {
    return series.timeAt(index + 1);
  }

  /** The value {@code steps} after the anchor's (before it when negative), NaN when unknown. */
  double ahead(int steps) {
    int at = index + steps;
    return at >= 0 && at < series.length() ? series.value(at) : Double.NaN;
  }

  LoadAnchor anchor(LoadHorizons horizons, int featureCount) {
    return LoadAnchor.at(lookback(), madeAt(), series.zone(), horizons, featureCount);
  }
}
