package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.eval.Curves;
import dev.kelvin.predictor.eval.Interval;
import dev.kelvin.predictor.eval.LeadTimes;

/**
 * A model and the baseline on the test examples of one system (or of all pooled).
 *
 * @param system the system, or {@code all}
 * @param examples test examples
 * @param model the model's calibrated metrics at its threshold
 * @param baseline the baseline's metrics at its threshold
 * @param prAucGain an interval of the model's PR-AUC minus the baseline's, from resamples of
 *     whole nodes
 * @param modelLeads the model's lead times over the failures seen in the test
 * @param baselineLeads the baseline's
 * @param modelCurves the model's ROC and PR curves
 * @param baselineCurves the baseline's
 */
public record SystemEvaluation(String system, int examples, BinaryMetrics model,
    BinaryMetrics baseline, Interval prAucGain, LeadTimes modelLeads, LeadTimes baselineLeads, Curves modelCurves,
    Curves baselineCurves) {

  /** The failures seen by the test examples (each counted once, however many anchors see it). */
  public int failures() {
    return modelLeads.events();
  }

  /** Whether the model's PR-AUC is above the baseline's. */
  public boolean beatsBaseline() {
    return model.prAuc() > baseline.prAuc();
  }
}
