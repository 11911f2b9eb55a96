package dev.kelvin.predictor.load;

/**
 * A series seen from an anchor: the value {@code steps} steps before the anchor's value
 * ({@code back(0)} is the anchor's own), NaN when unknown or older than the history kept.
 * Training reads it from a whole series, serving from a node's bucketed history: the same
 * features either way.
 */
@FunctionalInterface
public interface Lookback {
  double back(int steps);
}
