package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.eval.Curves;
import dev.kelvin.predictor.eval.Interval;
import dev.kelvin.predictor.eval.LeadTimes;
import dev.kelvin.predictor.eval.PairedBootstrap;
import dev.kelvin.predictor.model.FeatureSet;
import java.util.ArrayList;
import java.util.HashMap;
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
  /** Resamples of the PR-AUC gain's interval unless told otherwise. */
  public static final int DEFAULT_RESAMPLES = 100;
  /** The confidence of that interval. */
  public static final double LEVEL = 0.9;

  /** {@link #of(List, double[], double, FeatureSet, int)} with the default resamples. */
  public static FailureEvaluation of(List<FailureExample> test, double[] probabilities,
      double threshold, FeatureSet features) {
    return of(test, probabilities, threshold, features, DEFAULT_RESAMPLES);
  }

  /**
   * Evaluates {@code probabilities} (one per example of {@code test}) at {@code threshold};
   * the PR-AUC gain over the baseline gets a {@value #LEVEL} interval from {@code resamples}
   * resamples of whole nodes ({@link PairedBootstrap}; 0 leaves it unknown).
   *
   * @throws IllegalArgumentException when {@code test} is empty or the counts differ
   */
  public static FailureEvaluation of(List<FailureExample> test, double[] probabilities,
      double threshold, FeatureSet features, int resamples) {
    if (test.isEmpty()) {
      throw new IllegalArgumentException("no test examples to evaluate on (is the test date"
          + " after the data ends?)");
    }
    if (probabilities.length != test.size()) {
      throw new IllegalArgumentException(probabilities.length + " probabilities for "
          + test.size() + " examples");
    }
    double[] baseline = FailureBaseline.scores(test, features);
    Map<String, List<Integer>> bySystem = new TreeMap<>(FailureEvaluation::bySystemName);
    for (int i = 0; i < test.size(); i++) {
      bySystem.computeIfAbsent(test.get(i).system(), s -> new ArrayList<>()).add(i);
    }
    Map<String, SystemEvaluation> systems = new LinkedHashMap<>();
    Scores scores = new Scores(test, probabilities, baseline, threshold, resamples);
    bySystem.forEach((system, rows) -> systems.put(system, evaluate(system, scores, rows)));
    List<Integer> all = new ArrayList<>(test.size());
    for (int i = 0; i < test.size(); i++) {
      all.add(i);
    }
    return new FailureEvaluation(evaluate("all", scores, all), systems);
  }

  /** What every system's evaluation reads. */
  private record Scores(List<FailureExample> test, double[] probabilities, double[] baseline,
      double threshold, int resamples) {}

  private static SystemEvaluation evaluate(String system, Scores scores, List<Integer> rows) {
    List<FailureExample> test = scores.test();
    double threshold = scores.threshold();
    int n = rows.size();
    double[] model = new double[n];
    double[] base = new double[n];
    boolean[] labels = new boolean[n];
    double[] weights = new double[n];
    int[] groups = new int[n];
    Map<String, Integer> nodes = new HashMap<>();
    LeadTimes.Builder modelLeads = new LeadTimes.Builder();
    LeadTimes.Builder baselineLeads = new LeadTimes.Builder();
    for (int k = 0; k < n; k++) {
      FailureExample example = test.get(rows.get(k));
      model[k] = scores.probabilities()[rows.get(k)];
      base[k] = scores.baseline()[rows.get(k)];
      groups[k] = nodes.computeIfAbsent(example.system() + "/" + example.node(),
          key -> nodes.size());
      labels[k] = example.label();
      weights[k] = example.weight();
      if (example.label()) {
        Event event = new Event(example.system(), example.node(), example.nextFailure());
        modelLeads.add(event, example.secondsToNextFailure(), model[k] >= threshold);
        baselineLeads.add(event, example.secondsToNextFailure(),
            base[k] >= FailureBaseline.THRESHOLD);
      }
    }
    Interval gain = PairedBootstrap.prAucDifference(model, base, labels, weights, groups,
        scores.resamples(), system.hashCode(), LEVEL);
    return new SystemEvaluation(system, n, BinaryMetrics.of(model, labels, weights, threshold),
        BinaryMetrics.of(base, labels, weights, FailureBaseline.THRESHOLD), gain,
        modelLeads.build(), baselineLeads.build(), Curves.of(model, labels, weights,
            CURVE_POINTS), Curves.of(base, labels, weights, CURVE_POINTS));
  }

  /** Names in order, a trailing number by value: {@code lanl-2} before {@code lanl-10}. */
  static int bySystemName(String a, String b) {
    String pa = a.replaceAll("\\d+$", "");
    String pb = b.replaceAll("\\d+$", "");
    if (pa.equals(pb) && a.length() > pa.length() && b.length() > pb.length()) {
      int byNumber = new java.math.BigInteger(a.substring(pa.length()))
          .compareTo(new java.math.BigInteger(b.substring(pb.length())));
      if (byNumber != 0) {
        return byNumber;
      }
    }
    return a.compareTo(b);
  }

  /** One failure of one node. */
  private record Event(String system, String node, java.time.Instant at) {}
}
