package dev.kelvin.app.predict;

import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.eval.Interval;
import dev.kelvin.predictor.eval.LeadTimes;
import dev.kelvin.predictor.failure.FailureBaseline;
import dev.kelvin.predictor.failure.SystemEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The evaluation as a text table: a row per system and one for all, model beside baseline. */
final class FailureTable {
  private static final String ROW =
      "%-16s %9s %8s %6s | %13s %15s %13s | %13s %13s %13s | %22s %6s%n";

  private FailureTable() {}

  static String render(FailureEvalRun run) {
    LeadUnit unit = LeadUnit.of(run.model().horizon());
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "model %s (%s), horizon %s, threshold %.4f;"
        + " baseline: %s; test from %s%n", run.model().file().version(),
        run.model().file().meta().algorithm(), run.model().horizon(), run.model().threshold(),
        FailureBaseline.DESCRIPTION, run.testFrom()));
    out.append(String.format(Locale.ROOT, ROW, "system", "examples", "failures", "pos%",
        "PR-AUC m/b", "gain 90% int.", "ROC-AUC m/b", "precision m/b", "recall m/b", "F1 m/b",
        "lead " + unit.name() + " med/p10/p90", "beats"));
    List<SystemEvaluation> rows = new ArrayList<>(run.evaluation().systems().values());
    if (rows.size() > 1) {
      rows.add(run.evaluation().pooled());
    }
    for (SystemEvaluation s : rows) {
      BinaryMetrics m = s.model();
      BinaryMetrics b = s.baseline();
      out.append(String.format(Locale.ROOT, ROW, s.system(), s.examples(), s.failures(),
          number(100 * m.positiveShare(), 2), pair(m.prAuc(), b.prAuc()),
          interval(s.prAucGain()), pair(m.rocAuc(), b.rocAuc()), pair(m.precision(), b.precision()),
          pair(m.recall(), b.recall()), pair(m.f1(), b.f1()), leads(s.modelLeads(), unit),
          beats(s)));
    }
    out.append("beats: yes = PR-AUC above the baseline's and the gain's 90 % interval (resampled"
        + " by node) above 0; yes? = above, but the interval reaches 0 or was not estimated\n");
    return out.toString();
  }

  /** {@code yes} when the gain's interval is above 0, {@code yes?} when only the gain is. */
  static String beats(SystemEvaluation s) {
    if (Double.isNaN(s.model().prAuc())) {
      return "n/a";
    }
    return s.prAucGain().aboveZero() ? "yes" : s.beatsBaseline() ? "yes?" : "NO";
  }

  private static String interval(Interval gain) {
    return String.format(Locale.ROOT, "%s..%s", number(gain.low(), 3), number(gain.high(), 3));
  }

  private static String leads(LeadTimes leads, LeadUnit unit) {
    return number(unit.of(leads.medianSeconds()), 1) + "/"
        + number(unit.of(leads.quantileSeconds(0.1)), 1) + "/"
        + number(unit.of(leads.quantileSeconds(0.9)), 1);
  }

  private static String pair(double model, double baseline) {
    return number(model, 3) + "/" + number(baseline, 3);
  }

  private static String number(double value, int decimals) {
    return TableCell.number(value, decimals);
  }
}
