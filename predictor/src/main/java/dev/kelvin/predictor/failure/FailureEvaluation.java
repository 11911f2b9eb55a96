package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.eval.Curves;
import dev.kelvin.predictor.eval.LeadTimes;
import dev.kelvin.predictor.model.FeatureSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A failure model against {@link FailureBaseline} on test examples, per system and pooled. A
 * failure's lead time is counted over the examples anchored within the horizon before it.
 *
 * @param pooled all test examples together
 * @param systems each system's, by name
 */
public record FailureEvaluation(SystemEvaluation pooled, Map<String, SystemEvaluation> systems) {
  static final int CURVE_POINTS = 400;

  /**
   * Evaluates {@code probabilities} (one per example of {@code test}) at {@code threshold}.
   *
   * @throws IllegalArgumentException when {@code test} is empty or the counts differ
   */
  public static FailureEvaluation of(List<FailureExample> test, double[] probabilities,
      double threshold, FeatureSet features) {
    if (test.isEmpty()) {
      throw new IllegalArgumentException("no test examples to evaluate on (is the test date"
          + " after the data ends?)");
    }
    if (probabilities.length != test.size()) {
      throw new IllegalArgumentException(probabilities.length + " probabilities for "
          + test.size() + " examples");
    }
    double[] baseline = FailureBaseline.scores(test, features);
    Map<String, List<Integer>> bySystem = new TreeMap<>();
    for (int i = 0; i < test.size(); i++) {
      bySystem.computeIfAbsent(test.get(i).system(), s -> new ArrayList<>()).add(i);
    }
    Map<String, SystemEvaluation> systems = new LinkedHashMap<>();
    bySystem.forEach((system, rows) -> systems.put(system,
        evaluate(system, test, rows, probabilities, baseline, threshold)));
    List<Integer> all = new ArrayList<>(test.size());
    for (int i = 0; i < test.size(); i++) {
      all.add(i);
    }
    return new FailureEvaluation(evaluate("all", test, all, probabilities, baseline, threshold),
        systems);
  }

  private static SystemEvaluation evaluate(String system, List<FailureExample> test,
      List<Integer> rows, double[] probabilities, double[] baseline, double threshold) {
    int n = rows.size();
    double[] model = new double[n];
    double[] base = new double[n];
    boolean[] labels = new boolean[n];
    double[] weights = new double[n];
    LeadTimes.Builder modelLeads = new LeadTimes.Builder();
    LeadTimes.Builder baselineLeads = new LeadTimes.Builder();
    for (int k = 0; k < n; k++) {
      FailureExample example = test.get(rows.get(k));
      model[k] = probabilities[rows.get(k)];
      base[k] = baseline[rows.get(k)];
      labels[k] = example.label();
      weights[k] = example.weight();
      if (example.label()) {
        Event event = new Event(example.system(), example.node(), example.nextFailure());
        modelLeads.add(event, example.secondsToNextFailure(), model[k] >= threshold);
        baselineLeads.add(event, example.secondsToNextFailure(),
            base[k] >= FailureBaseline.THRESHOLD);
      }
    }
    return new SystemEvaluation(system, n, BinaryMetrics.of(model, labels, weights, threshold),
        BinaryMetrics.of(base, labels, weights, FailureBaseline.THRESHOLD), modelLeads.build(),
        baselineLeads.build(), Curves.of(model, labels, weights, CURVE_POINTS),
        Curves.of(base, labels, weights, CURVE_POINTS));
  }

  /** One failure of one node. */
  private record Event(String system, String node, java.time.Instant at) {}
}
