package dev.kelvin.app.predict;

import dev.kelvin.predictor.anomaly.AnomalyEvaluation;
import dev.kelvin.predictor.anomaly.AnomalyEvaluation.Result;
import dev.kelvin.predictor.anomaly.AnomalyMethod;
import dev.kelvin.predictor.anomaly.AnomalyModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The anomaly evaluation as a table: the kept method, the other, the baseline. */
final class AnomalyTable {
  private AnomalyTable() {}

  /** The results in the order the table, JSON and page show them: kept, other, baseline. */
  static List<Result> ordered(AnomalyModel model, AnomalyEvaluation evaluation) {
    List<Result> results = new ArrayList<>();
    results.add(evaluation.methods().get(model.method()));
    for (AnomalyMethod method : AnomalyMethod.values()) {
      if (method != model.method()) {
        results.add(evaluation.methods().get(method));
      }
    }
    results.add(evaluation.baseline());
    return results;
  }

  static void print(PrintWriter out, AnomalyModel model, AnomalyEvaluation evaluation) {
    out.printf(Locale.ROOT, "model %s (%s), test from %s: %,d rows, %,d ticks, %d warned"
        + " failures%n", model.file().version(), model.method().wireName(),
        evaluation.testFrom(), evaluation.rows(), evaluation.ticks(), evaluation.failures());
    out.printf(Locale.ROOT, "%-14s %8s %8s %10s %8s %9s %12s%n", "scorer", "ROC-AUC", "PR-AUC",
        "precision", "recall", "flagged", "lead median");
    for (Result result : ordered(model, evaluation)) {
      out.printf(Locale.ROOT, "%-14s %8s %8s %10s %8s %9s %12s%s%n", result.name(),
          TableCell.number(result.metrics().rocAuc(), 4),
          TableCell.number(result.metrics().prAuc(), 4),
          TableCell.number(result.metrics().precision(), 3),
          TableCell.number(result.metrics().recall(), 3),
          result.leads().caught() + "/" + result.leads().events(),
          TableCell.number(result.leads().medianSeconds() / 60, 1) + " min",
          result.name().equals(model.method().wireName()) ? "  kept" : "");
    }
    out.printf(Locale.ROOT, "flagged at each method's threshold, its best F1 on validation (%s),"
        + " and at >= %s corrected errors in 15 minutes (baseline); rows in the %s before a"
        + " warned failure count as anomalous%n", AnomalyHtml.thresholds(model),
        (int) AnomalyEvaluation.BASELINE_THRESHOLD, model.window());
    out.flush();
  }
}
