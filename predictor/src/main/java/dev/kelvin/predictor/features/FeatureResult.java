package dev.kelvin.predictor.features;

import java.util.Objects;

/**
 * What {@link PowerFeatures} made of one window: the features, or the reason the node is
 * skipped. A skipped node is never filled in with zeros; callers count the reasons.
 */
public sealed interface FeatureResult permits FeatureResult.Extracted, FeatureResult.Skipped {

  /** Why a window yields no features. */
  enum SkipReason {
    /** The window does not reach back far enough, or holds too few readings. */
    TOO_SHORT,
    /** A metric a feature needs is absent from the latest reading or from the window. */
    MISSING_METRIC
  }

  /** The window yielded a full feature vector. */
  record Extracted(PowerFeatureVector features) implements FeatureResult {
    public Extracted {
      Objects.requireNonNull(features, "features");
    }
  }

  /** The window yielded nothing; {@code detail} says what was missing or short, for logs. */
  record Skipped(SkipReason reason, String detail) implements FeatureResult {
    public Skipped {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
