package dev.kelvin.predictor.anomaly;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.eval.Curves;
import dev.kelvin.predictor.eval.LeadTimes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An anomaly model on a telemetry file's rows at or after a date: how well each method's scores
 * (the kept one and the other) and the baseline single out the rows in a precursor window (the
 * node's next failure gives warning and comes within the model's window), as ROC-AUC and
 * PR-AUC; at each method's threshold (the model's), the precision and recall over rows and the share of warned failures
 * flagged at least once within the window before them, with how long before. The last window
 * of the recording is left out: what followed it was not recorded.
 *
 * @param rows test rows scored
 * @param ticks the ticks they span
 * @param failures warned failures the test rows see
 * @param methods each method's result
 * @param baseline the baseline's: the corrected memory errors of the last 15 minutes as the
 *     score, flagged from {@value #BASELINE_THRESHOLD} errors
 */
public record AnomalyEvaluation(Instant testFrom, int rows, int ticks, int failures,
    Map<AnomalyMethod, Result> methods, Result baseline) {
  /** The baseline flags a node with this many corrected errors in 15 minutes. */
  public static final double BASELINE_THRESHOLD = 2;
  static final int CURVE_POINTS = 400;
  private static final int BASELINE_INPUT = AnomalyInputs.NAMES.indexOf("ecc_corrected_delta_15m");

  public AnomalyEvaluation {
    methods = Map.copyOf(methods);
  }

  /**
   * How one scorer did.
   *
   * @param leads over the warned failures seen, flagged within the window before each
   */
  public record Result(String name, BinaryMetrics metrics, LeadTimes leads, Curves curves) {}

  /**
   * Evaluates {@code model} on the rows of {@code data} at or after {@code testFrom}.
   *
   * @throws IllegalArgumentException when no row, or no row in a precursor window, is there
   */
  public static AnomalyEvaluation of(AnomalyModel model, Path data, Instant testFrom,
      Consumer<String> progress) {
    AnomalyData test = AnomalyData.read(data, testFrom, Instant.MAX, model.window(), progress);
    int ticks = labelledTicks(test, model);
    if (ticks == 0) {
      throw new IllegalArgumentException("no rows at or after " + testFrom + " in " + data
          + " with a known future (is --test-from after the recording's end?)");
    }
    int rows = test.tickStarts[ticks];
    boolean[] labels = test.labels(0, ticks);
    double[] weights = new double[rows];
    java.util.Arrays.fill(weights, 1);
    Map<AnomalyMethod, Result> results = new EnumMap<>(AnomalyMethod.class);
    for (AnomalyMethod method : AnomalyMethod.values()) {
      progress.accept("scoring " + rows + " rows with " + method.wireName() + " ...");
      double[] scores = new double[rows];
      for (int t = 0; t < ticks; t++) {
        double[] tick = model.scoreInputs(method, test.tick(t));
        System.arraycopy(tick, 0, scores, test.tickStarts[t], tick.length);
      }
      results.put(method, result(method.wireName(), scores, labels, weights, test,
          model.threshold(method), model));
    }
    double[] baseline = new double[rows];
    for (int i = 0; i < rows; i++) {
      double errors = test.inputs.get(i)[BASELINE_INPUT];
      baseline[i] = Double.isNaN(errors) ? 0 : errors;
    }
    Result base = result("baseline", baseline, labels, weights, test, BASELINE_THRESHOLD,
        model);
    return new AnomalyEvaluation(testFrom, rows, ticks, base.leads().events(), results, base);
  }

  /** The ticks whose window ends within the recording. */
  private static int labelledTicks(AnomalyData test, AnomalyModel model) {
    if (test.tickCount() == 0) {
      return 0;
    }
    Instant end = test.ticks[test.tickCount() - 1].minus(model.window());
    int ticks = 0;
    while (ticks < test.tickCount() && !test.ticks[ticks].isAfter(end)) {
      ticks++;
    }
    return ticks;
  }

  private static Result result(String name, double[] scores, boolean[] labels, double[] weights,
      AnomalyData test, double threshold, AnomalyModel model) {
    LeadTimes.Builder leads = new LeadTimes.Builder();
    for (int i = 0; i < scores.length; i++) {
      if (labels[i]) {
        NodeId node = test.nodes.get(i);
        Instant failure = test.ticks[tickOf(test, i)].plusMillis(
            Math.round(test.secondsToFailure[i] * 1000));
        leads.add(new Failure(node, failure), test.secondsToFailure[i],
            scores[i] >= threshold);
      }
    }
    return new Result(name, BinaryMetrics.of(scores, labels, weights, threshold), leads.build(),
        Curves.of(scores, labels, weights, CURVE_POINTS));
  }

  private static int tickOf(AnomalyData test, int row) {
    int at = java.util.Arrays.binarySearch(test.tickStarts, row);
    if (at >= 0) {
      while (at + 1 < test.tickStarts.length && test.tickStarts[at + 1] == row) {
        at++;
      }
      return at;
    }
    return -at - 2;
  }

  /** One warned failure of one node. */
  private record Failure(NodeId node, Instant at) {}
}
