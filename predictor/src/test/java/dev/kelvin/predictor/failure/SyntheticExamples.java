package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.failure.logs.LogExamples;
import dev.kelvin.predictor.failure.logs.LogFeatures;
import dev.kelvin.predictor.failure.logs.NodeLog;
import dev.kelvin.predictor.failure.logs.SystemLog;
import dev.kelvin.predictor.model.FeatureSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small made-up failure log for the failure trainer's tests: one node in ten fails twenty
 * times as often as the others, failures are drawn day by day, and each node is anchored daily.
 */
final class SyntheticExamples {
  static final FeatureSet FEATURES = LogFeatures.FEATURES;
  static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
  static final Duration HORIZON = Duration.ofDays(7);
  static final DataFiles DATA = new DataFiles("synthetic", "0".repeat(64));

  private SyntheticExamples() {}

  static FailureExamples of(String source, int nodes, int days, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<NodeLog> logs = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      double rate = n % 10 == 0 ? 0.04 : 0.002;
      List<Instant> times = new ArrayList<>();
      for (int d = 0; d < days; d++) {
        if (random.nextDouble() < rate) {
          times.add(START.plus(Duration.ofDays(d)).plusSeconds(random.nextInt(86_400)));
        }
      }
      logs.add(new NodeLog("n" + n, START, START.plus(Duration.ofDays(days)), times, List.of()));
    }
    List<FailureExample> examples = new ArrayList<>(LogExamples.of(new SystemLog(source, logs),
        HORIZON, Duration.ofDays(1), ExampleSettings.defaults()));
    examples.sort(Comparator.comparing(FailureExample::anchor));
    return new FailureExamples(source, FEATURES, HORIZON, examples, DATA);
  }
}
