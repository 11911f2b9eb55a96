package dev.kelvin.app.predict;

import dev.kelvin.predictor.eval.Curves;
import dev.kelvin.predictor.eval.LeadTimes;
import dev.kelvin.predictor.failure.FailureBaseline;
import dev.kelvin.predictor.failure.SystemEvaluation;
import dev.kelvin.simulator.report.Axis;
import dev.kelvin.simulator.report.HtmlPage;
import dev.kelvin.simulator.report.Svg;
import dev.kelvin.simulator.report.SvgChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation as a self-contained HTML page: the per-system table, and for all test
 * examples the ROC and precision-recall curves of model and baseline and the histogram of the
 * model's lead times.
 */
final class FailureHtml {
  private static final int LEAD_BINS = 14;

  private FailureHtml() {}

  static String render(FailureEvalRun run) {
    SystemEvaluation all = run.evaluation().pooled();
    HtmlPage page = new HtmlPage("Failure model evaluation", "model "
        + run.model().file().version() + " (" + run.model().file().meta().algorithm()
        + "), horizon " + run.model().horizon() + ", threshold "
        + String.format(Locale.ROOT, "%.4f", run.model().threshold()) + "; test from "
        + run.testFrom() + "; baseline: " + FailureBaseline.DESCRIPTION);
    page.heading("Per system").table(table(run)).paragraph("Each example is one node at one"
        + " midnight (or anchor); it is positive when the node fails within the horizon."
        + " PR-AUC is the average precision; a ranking that knows nothing scores the positive"
        + " share. The gain is the model's PR-AUC minus the baseline's, its interval from"
        + " resampling whole nodes; beats: yes when that interval lies above 0, yes? when only"
        + " the gain does. Lead time: from the first anchor flagged before a failure to the"
        + " failure.");
    page.heading("All systems");
    page.figure(roc(all), "ROC: true positive rate against false positive rate as the"
        + " threshold falls. The baseline is a single step: nodes that failed in the last week.");
    page.figure(pr(all), "Precision against recall. Dotted: the positive share ("
        + TableCell.number(all.model().positiveShare(), 4) + "), what chance scores.");
    page.figure(leads(all.modelLeads(), LeadUnit.of(run.model().horizon()),
        run.model().horizon().toSeconds()), all.modelLeads().caught() + " of "
        + all.modelLeads().events() + " failures caught at the threshold; how long before each"
        + " the model first flagged its node.");
    return page.render();
  }

  private static List<List<String>> table(FailureEvalRun run) {
    LeadUnit unit = LeadUnit.of(run.model().horizon());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("system", "examples", "failures", "positive share", "PR-AUC model",
        "PR-AUC baseline", "gain, 90 % interval", "beats", "ROC-AUC model", "ROC-AUC baseline", "precision model",
        "precision baseline", "recall model", "recall baseline", "F1 model", "F1 baseline",
        "lead median (" + unit.name() + ")", "lead p10", "lead p90"));
    List<SystemEvaluation> systems = new ArrayList<>(run.evaluation().systems().values());
    if (systems.size() > 1) {
      systems.add(run.evaluation().pooled());
    }
    for (SystemEvaluation s : systems) {
      rows.add(List.of(s.system(), Integer.toString(s.examples()),
          Integer.toString(s.failures()), TableCell.number(s.model().positiveShare(), 4),
          TableCell.number(s.model().prAuc(), 3), TableCell.number(s.baseline().prAuc(), 3),
          TableCell.number(s.prAucGain().low(), 3) + " to "
              + TableCell.number(s.prAucGain().high(), 3), FailureTable.beats(s),
          TableCell.number(s.model().rocAuc(), 3), TableCell.number(s.baseline().rocAuc(), 3),
          TableCell.number(s.model().precision(), 3),
          TableCell.number(s.baseline().precision(), 3),
          TableCell.number(s.model().recall(), 3), TableCell.number(s.baseline().recall(), 3),
          TableCell.number(s.model().f1(), 3), TableCell.number(s.baseline().f1(), 3),
          TableCell.number(unit.of(s.modelLeads().medianSeconds()), 1),
          TableCell.number(unit.of(s.modelLeads().quantileSeconds(0.1)), 1),
          TableCell.number(unit.of(s.modelLeads().quantileSeconds(0.9)), 1)));
    }
    return rows;
  }

  private static String roc(SystemEvaluation s) {
    SvgChart chart = new SvgChart("ROC, all systems", Axis.linear(0, 1, "false positive rate"),
        Axis.linear(0, 1, "true positive rate"));
    chart.polyline(new double[] {0, 1}, new double[] {0, 1}, SvgChart.Style.dashed(Svg.GREY),
        "chance");
    curve(chart, s.baselineCurves(), true, Svg.ORANGE, "baseline, ROC-AUC "
        + TableCell.number(s.baseline().rocAuc(), 3));
    curve(chart, s.modelCurves(), true, Svg.BLUE, "model, ROC-AUC "
        + TableCell.number(s.model().rocAuc(), 3));
    return chart.render();
  }

  private static String pr(SystemEvaluation s) {
    double top = Math.max(0.05, Math.max(highest(s.modelCurves()), highest(s.baselineCurves())));
    SvgChart chart = new SvgChart("Precision and recall, all systems",
        Axis.linear(0, 1, "recall"), Axis.linear(0, Math.min(1, top * 1.1), "precision"));
    chart.horizontal(s.model().positiveShare(), SvgChart.Style.dashed(Svg.GREY),
        "positive share");
    curve(chart, s.baselineCurves(), false, Svg.ORANGE, "baseline, PR-AUC "
        + TableCell.number(s.baseline().prAuc(), 3));
    curve(chart, s.modelCurves(), false, Svg.BLUE, "model, PR-AUC "
        + TableCell.number(s.model().prAuc(), 3));
    return chart.render();
  }

  /** The highest precision after the first flagged point. */
  private static double highest(Curves curves) {
    double most = 0;
    for (int i = 1; i < curves.size(); i++) {
      most = Math.max(most, curves.precision()[i]);
    }
    return most;
  }

  private static void curve(SvgChart chart, Curves curves, boolean roc, String color,
      String label) {
    double[] x = roc ? curves.falsePositiveRate() : curves.truePositiveRate();
    double[] y = roc ? curves.truePositiveRate() : curves.precision();
    if (!roc && x.length > 1) {
      // the PR curve starts at the first flagged point: (0, 1) is a convention, not a result
      x = java.util.Arrays.copyOfRange(x, 1, x.length);
      y = java.util.Arrays.copyOfRange(y, 1, y.length);
    }
    chart.polyline(x, y, SvgChart.Style.solid(color), label);
  }

  private static String leads(LeadTimes leads, LeadUnit unit, double horizonS) {
    double width = unit.of(horizonS) / LEAD_BINS;
    int[] counts = new int[LEAD_BINS];
    for (double lead : leads.leadSeconds()) {
      counts[Math.min(LEAD_BINS - 1, (int) (unit.of(lead) / width))]++;
    }
    int most = java.util.Arrays.stream(counts).max().orElse(0);
    SvgChart chart = new SvgChart("Lead time of the failures caught",
        Axis.linear(0, unit.of(horizonS), "lead time (" + unit.name() + ")"),
        Axis.linear(0, Math.max(1, most), "failures"));
    for (int b = 0; b < LEAD_BINS; b++) {
      chart.bar(b * width, (b + 1) * width, counts[b], Svg.BLUE, counts[b] + " failures caught "
          + TableCell.number(b * width, 1) + " to " + TableCell.number((b + 1) * width, 1) + " "
          + unit.name() + " ahead");
    }
    chart.legendEntry("model at its threshold", SvgChart.Style.solid(Svg.BLUE));
    return chart.render();
  }
}
