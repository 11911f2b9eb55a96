package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The keys a failure model file keeps in its settings, written and read in one place. */
final class FailureSettings {
  static final String HORIZON = "horizon";
  static final String THRESHOLD = "threshold";
  static final String ENCODING = "encoding";
  static final String POSITIVE_LABEL = "positive_label";
  static final String UNTIL = "until.";
  static final String VALIDATION_FROM = "validation_from.";
  static final String VALIDATION_PR_AUC = "validation.pr_auc.";

  private FailureSettings() {}

  static ModelMeta meta(FeatureSet features, FailureAlgorithm algorithm, Duration horizon,
      double threshold, List<FailureSplit> splits, DataFiles data, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put(HORIZON, horizon.toString());
    settings.put(THRESHOLD, number(threshold));
    settings.put(ENCODING, FailureEncoding.NAME);
    settings.put(POSITIVE_LABEL, FailureEncoding.FAIL);
    for (FailureSplit split : splits) {
      settings.put(UNTIL + split.source(), split.until().toString());
      settings.put(VALIDATION_FROM + split.source(), split.validationFrom().toString());
    }
    Instant from = splits.stream().flatMap(s -> s.training().stream())
        .map(FailureExample::anchor).min(Comparator.naturalOrder()).orElseThrow();
    Instant until = splits.stream().map(FailureSplit::until).max(Comparator.naturalOrder())
        .orElseThrow();
    return new ModelMeta(ModelKind.FAILURE, features, algorithm.shortName(), data.names(),
        data.sha256(), from, until, settings);
  }

  static String number(double value) {
    return Double.toString(value);
  }
}
