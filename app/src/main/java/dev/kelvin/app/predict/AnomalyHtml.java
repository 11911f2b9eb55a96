package dev.kelvin.app.predict;

import dev.kelvin.predictor.anomaly.AnomalyEvaluation;
import dev.kelvin.predictor.anomaly.AnomalyEvaluation.Result;
import dev.kelvin.predictor.anomaly.AnomalyMethod;
import dev.kelvin.predictor.anomaly.AnomalyModel;
import dev.kelvin.predictor.eval.Curves;
import dev.kelvin.simulator.report.Axis;
import dev.kelvin.simulator.report.HtmlPage;
import dev.kelvin.simulator.report.Svg;
import dev.kelvin.simulator.report.SvgChart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The anomaly evaluation as a self-contained page: the table, ROC and PR curves. */
final class AnomalyHtml {
  private static final String[] COLOURS = {Svg.BLUE, Svg.GREEN, Svg.ORANGE};

  private AnomalyHtml() {}

  static String render(AnomalyModel model, AnomalyEvaluation evaluation) {
    List<Result> results = AnomalyTable.ordered(model, evaluation);
    HtmlPage page = new HtmlPage("Anomaly model evaluation", "model "
        + model.file().version() + " (" + model.method().wireName() + " kept), test from "
        + evaluation.testFrom() + ": " + evaluation.rows() + " rows, " + evaluation.failures()
        + " warned failures; a row is anomalous within " + model.window()
        + " before a warned failure");
    page.heading("Scorers").table(table(results)).paragraph("Flagged: a method's score (the"
        + " share of training rows less unusual) at or above its threshold, the best F1 on the"
        + " validation ticks (" + thresholds(model) + "); the baseline at "
        + (int) AnomalyEvaluation.BASELINE_THRESHOLD + " or more"
        + " corrected memory errors in 15 minutes. Failures flagged: warned failures with a"
        + " flagged row of their node within the window before them; lead: how long before.");
    page.figure(chart(results, true), "ROC: true positive rate against false positive rate.");
    page.figure(chart(results, false), "Precision against recall.");
    return page.render();
  }

  static String thresholds(AnomalyModel model) {
    StringBuilder text = new StringBuilder();
    for (AnomalyMethod method : AnomalyMethod.values()) {
      text.append(text.length() > 0 ? ", " : "").append(method.wireName()).append(' ')
          .append(TableCell.number(model.threshold(method), 4));
    }
    return text.toString();
  }

  private static List<List<String>> table(List<Result> results) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("scorer", "ROC-AUC", "PR-AUC", "precision", "recall", "failures flagged",
        "lead median (min)"));
    for (Result r : results) {
      rows.add(List.of(r.name(), TableCell.number(r.metrics().rocAuc(), 4),
          TableCell.number(r.metrics().prAuc(), 4), TableCell.number(r.metrics().precision(), 3),
          TableCell.number(r.metrics().recall(), 3), r.leads().caught() + " of "
              + r.leads().events(), TableCell.number(r.leads().medianSeconds() / 60, 1)));
    }
    return rows;
  }

  private static String chart(List<Result> results, boolean roc) {
    SvgChart chart = roc
        ? new SvgChart("ROC", Axis.linear(0, 1, "false positive rate"),
            Axis.linear(0, 1, "true positive rate"))
        : new SvgChart("Precision and recall", Axis.linear(0, 1, "recall"),
            Axis.linear(0, 1, "precision"));
    if (roc) {
      chart.polyline(new double[] {0, 1}, new double[] {0, 1}, SvgChart.Style.dashed(Svg.GREY),
          "chance");
    }
    for (int k = 0; k < results.size(); k++) {
      Result r = results.get(k);
      Curves c = r.curves();
      double[] x = roc ? c.falsePositiveRate() : c.truePositiveRate();
      double[] y = roc ? c.truePositiveRate() : c.precision();
      if (!roc && x.length > 1) {
        x = Arrays.copyOfRange(x, 1, x.length);
        y = Arrays.copyOfRange(y, 1, y.length);
      }
      chart.polyline(x, y, SvgChart.Style.solid(COLOURS[k % COLOURS.length]), r.name() + ", "
          + (roc ? "ROC-AUC " + TableCell.number(r.metrics().rocAuc(), 3)
              : "PR-AUC " + TableCell.number(r.metrics().prAuc(), 3)));
    }
    return chart.render();
  }
}
