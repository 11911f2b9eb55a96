package dev.kelvin.simulator.report;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing
 * fetched) with a run's headline figures, its sites and actions, and its plots; or, for a
 * comparison, both runs side by side and overlaid, with the comparison's figures on top.
 */
public final class ReportHtml {

  /** A row of the headline table: its label, unit and how to read it from a result. */
  private record Figure(String label, String unit, ToDoubleFunction<SimulationResult> value) {}

  private static final List<Figure> FIGURES = List.of(
      new Figure("energy", "kWh", r -> r.summary().energyKwh()),
      new Figure("IT energy", "kWh", r -> r.summary().itEnergyKwh()),
      new Figure("cooling energy", "kWh", r -> r.summary().coolingEnergyKwh()),
      new Figure("PUE", "", r -> r.summary().pue()),
      new Figure("jobs submitted", "", r -> r.summary().jobsSubmitted()),
      new Figure("jobs completed", "", r -> r.summary().jobsCompleted()),
      new Figure("jobs failed", "", r -> r.summary().jobsFailed()),
      new Figure("jobs never fit", "", r -> r.summary().jobsNeverFit()),
      new Figure("node-hours lost", "h", r -> r.summary().nodeHoursLost()),
      new Figure("mean wait", "s", r -> r.summary().meanWaitS()),
      new Figure("mean bounded slowdown", "", r -> r.summary().meanBoundedSlowdown()),
      new Figure("mean run-time stretch", "%", r -> r.summary().meanRuntimeStretchPct()),
      new Figure("makespan", "s", r -> r.summary().makespanS()),
      new Figure("utilisation", "", r -> r.summary().utilisation()),
      new Figure("carbon", "kg CO2e", r -> r.summary().carbonKg()),
      new Figure("cost", "", r -> r.summary().cost()),
      new Figure("simulated time", "s", r -> r.summary().simulatedS()));

  private ReportHtml() {}

  /** The report page of one run. */
  public static String of(SimulationResult result) {
    RunSummary run = result.summary();
    List<ReportPlots.Run> runs = List.of(new ReportPlots.Run(run.policy(), result, false));
    StringBuilder page = head("Kelvin simulation: " + run.scenario(),
        "seed " + run.seed() + " · policy " + run.policy());
    page.append("<h2>Headline figures</h2>\n");
    figures(page, runs);
    return body(page, runs);
  }

  /** The page of a comparison: its figures, both runs' figures side by side, overlaid plots. */
  public static String of(Comparison comparison) {
    RunSummary base = comparison.baseline().summary();
    RunSummary policy = comparison.policy().summary();
    List<ReportPlots.Run> runs = List.of(
        new ReportPlots.Run(base.policy(), comparison.baseline(), true),
        new ReportPlots.Run(policy.policy().equals(base.policy())
            ? policy.policy() + " (2)" : policy.policy(), comparison.policy(), false));
    StringBuilder page = head("Kelvin simulation: " + base.scenario() + ", " + policy.policy()
        + " against " + base.policy(), "seed " + base.seed());
    page.append("<h2>Comparison</h2>\n<table>\n<tr><th>figure</th><th>value</th></tr>\n");
    row(page, "energy saved", "%", comparison.energySavedPct());
    row(page, "carbon saved", "%", comparison.carbonSavedPct());
    row(page, "jobs completed in both runs", "", comparison.jobsCompared());
    row(page, "mean run-time stretch of those jobs", "%", comparison.meanRuntimeStretchPct());
    row(page, "change of their mean wait", "%", comparison.meanWaitChangePct());
    row(page, "change of their mean bounded slowdown", "%",
        comparison.meanBoundedSlowdownChangePct());
    page.append("</table>\n<h2>Headline figures</h2>\n");
    figures(page, runs);
    return body(page, runs);
  }

  private static StringBuilder head(String title, String meta) {
    return new StringBuilder(256 * 1024)
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Svg.escape(title)).append("</title>\n<style>\n").append(HtmlPage.CSS)
        .append("</style>\n</head>\n<body>\n<h1>").append(Svg.escape(title))
        .append("</h1>\n<p class=\"meta\">").append(Svg.escape(meta)).append("</p>\n");
  }

  private static String body(StringBuilder page, List<ReportPlots.Run> runs) {
    sites(page, runs);
    actions(page, runs);
    ReportPlots plots = new ReportPlots(runs);
    page.append("<h2>Plots</h2>\n");
    for (String svg : plots.sitePower()) {
      figure(page, svg, "Facility power (IT and cooling) and IT power, minimum and maximum"
          + " per time bucket so that every peak shows, against the site's power budget.");
    }
    for (String svg : plots.temperatures()) {
      figure(page, svg, "The hottest CPU of all nodes and the mean inlet temperature.");
    }
    for (String svg : plots.queueLength()) {
      figure(page, svg, "Jobs submitted and not yet started.");
    }
    figure(page, plots.energy(), "Energy of each site's nodes (IT) and of its cooling.");
    figure(page, plots.slowdownCdf(), "Share of completed jobs whose bounded slowdown"
        + " ((wait + run) / max(run, 10 s)) is at most the value on the x axis.");
    figure(page, plots.timeline(), "One tick per time bucket holding failures, actions,"
        + " alarms or events; hover a tick for the count, the time and the first label.");
    return page.append("</body>\n</html>\n").toString();
  }

  private static void figures(StringBuilder page, List<ReportPlots.Run> runs) {
    page.append("<table>\n<tr><th>figure</th>");
    runs.forEach(run -> page.append("<th>").append(Svg.escape(run.label())).append("</th>"));
    page.append("</tr>\n");
    for (Figure figure : FIGURES) {
      page.append("<tr><td>").append(Svg.escape(label(figure.label(), figure.unit())))
          .append("</td>");
      for (ReportPlots.Run run : runs) {
        page.append("<td>").append(display(figure.value().applyAsDouble(run.result())))
            .append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table>\n");
  }

  private static void sites(StringBuilder page, List<ReportPlots.Run> runs) {
    page.append("<h2>Sites</h2>\n<table>\n<tr><th>site</th><th>run</th><th>IT energy (kWh)"
        + "</th><th>cooling energy (kWh)</th><th>carbon (kg CO2e)</th><th>cost</th>"
        + "<th>budget (kW)</th><th>peak power (kW)</th><th>hours over budget</th></tr>\n");
    for (ReportPlots.Run run : runs) {
      double endS = run.result().summary().simulatedS();
      for (SiteResult site : run.result().sites()) {
        page.append("<tr><td>").append(Svg.escape(site.site())).append("</td><td>")
            .append(Svg.escape(run.label())).append("</td>");
        for (double value : new double[] {site.itEnergyKwh(), site.coolingEnergyKwh(),
            site.carbonKg(), site.cost(), site.budgetW().orElse(Double.NaN) / 1000,
            SiteFigures.peakPowerKw(site), SiteFigures.hoursOverBudget(site, endS)}) {
          page.append("<td>").append(display(value)).append("</td>");
        }
        page.append("</tr>\n");
      }
    }
    page.append("</table>\n");
  }

  private static void actions(StringBuilder page, List<ReportPlots.Run> runs) {
    TreeSet<String> types = new TreeSet<>();
    runs.forEach(run -> types.addAll(run.result().summary().actions().keySet()));
    page.append("<h2>Actions carried out</h2>\n");
    if (types.isEmpty()) {
      page.append("<p>None.</p>\n");
      return;
    }
    page.append("<table>\n<tr><th>action</th>");
    runs.forEach(run -> page.append("<th>").append(Svg.escape(run.label())).append("</th>"));
    page.append("</tr>\n");
    for (String type : types) {
      page.append("<tr><td>").append(Svg.escape(type)).append("</td>");
      for (ReportPlots.Run run : runs) {
        page.append("<td>").append(run.result().summary().actions().getOrDefault(type, 0L))
            .append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table>\n");
  }

  private static void row(StringBuilder page, String label, String unit, double value) {
    page.append("<tr><td>").append(Svg.escape(label(label, unit))).append("</td><td>")
        .append(display(value)).append("</td></tr>\n");
  }

  private static void figure(StringBuilder page, String svg, String caption) {
    page.append("<figure>\n").append(svg).append("<figcaption>").append(Svg.escape(caption))
        .append("</figcaption>\n</figure>\n");
  }

  private static String label(String label, String unit) {
    return unit.isEmpty() ? label : label + " (" + unit + ")";
  }

  /** A figure for people: grouped thousands, fewer decimals as it grows, a dash if undefined. */
  static String display(double value) {
    if (!Double.isFinite(value)) {
      return "–";
    }
    double magnitude = Math.abs(value);
    String pattern = value == Math.rint(value) && magnitude < 1e15 ? "%,.0f"
        : magnitude >= 100 ? "%,.1f" : magnitude >= 1 ? "%,.3f" : "%.4g";
    return String.format(Locale.ROOT, pattern, value);
  }
}
