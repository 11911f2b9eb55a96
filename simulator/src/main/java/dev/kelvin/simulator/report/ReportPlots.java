package dev.kelvin.simulator.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The plots of a report, as SVG elements, for one run or for a baseline and a policy run: time
 * plots one per run on the same axes, one above the other (overlaid, noisy power curves hide
 * each other); energy bars and the slowdown CDF overlaid, the baseline grey. Every time plot
 * is downsampled to {@value #BUCKETS} min/max buckets, so its size does not grow with the
 * run's length.
 */
final class ReportPlots {
  static final int BUCKETS = 1000;
  /** Ticks of the whole time line, shared among its rows (each row gets at least 60). */
  private static final int MARK_TICKS = 600;

  /** One run as the plots label it; {@code baseline} draws it grey where runs overlay. */
  record Run(String label, SimulationResult result, boolean baseline) {}

  private final List<Run> runs;
  private final Axis time;
  private final double endS;

  ReportPlots(List<Run> runs) {
    this.runs = List.copyOf(runs);
    double end = 0;
    for (Run run : runs) {
      end = Math.max(end, run.result().summary().simulatedS());
    }
    this.endS = end > 0 ? end : 1;
    this.time = Axis.time(endS);
  }

  /**
   * Each site's facility and IT power against its budget: one plot per site and run, the
   * runs of a site on the same axes (sites matched by name).
   */
  List<String> sitePower() {
    TreeSet<String> names = new TreeSet<>();
    runs.forEach(run -> run.result().sites().forEach(site -> names.add(site.site())));
    List<String> plots = new ArrayList<>();
    for (String name : names) {
      double max = 0;
      for (Run run : runs) {
        for (SiteResult site : site(run, name)) {
          max = Math.max(max, Math.max(maxOf(site.powerW()), maxOf(site.itPowerW())));
          max = Math.max(max, site.budgetW().orElse(0));
        }
      }
      Axis.Scale scale = Axis.scale("W", max);
      Axis power = Axis.linear(0, max * scale.factor(), "power (" + scale.unit() + ")");
      for (Run run : runs) {
        for (SiteResult site : site(run, name)) {
          plots.add(sitePower(site, run, power, scale));
        }
      }
    }
    return plots;
  }

  private String sitePower(SiteResult site, Run run, Axis power, Axis.Scale scale) {
    SvgChart chart = new SvgChart("Site " + site.site() + ": power against its budget"
        + suffix(run), time, power);
    steps(chart, site.powerW(), scale.factor(), SvgChart.Style.solid(Svg.BLUE),
        "facility power");
    steps(chart, site.itPowerW(), scale.factor(), SvgChart.Style.solid(Svg.GREEN), "IT power");
    if (site.budgetW().isPresent()) {
      chart.horizontal(site.budgetW().getAsDouble() * scale.factor(),
          new SvgChart.Style(Svg.BLACK, true, 2), "budget");
    }
    return chart.render();
  }

  /** The hottest CPU and the mean inlet temperature, one plot per run on the same axes. */
  List<String> temperatures() {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Run run : runs) {
      for (Series series : List.of(run.result().hottestCpuC(), run.result().meanInletC())) {
        low = Math.min(low, Arrays.stream(series.values()).filter(Double::isFinite).min()
            .orElse(Double.POSITIVE_INFINITY));
        high = Math.max(high, maxOf(series));
      }
    }
    Axis celsius = Axis.linear(low, high, "temperature (°C)");
    List<String> plots = new ArrayList<>();
    for (Run run : runs) {
      SvgChart chart = new SvgChart("Temperatures" + suffix(run), time, celsius);
      steps(chart, run.result().hottestCpuC(), 1, SvgChart.Style.solid(Svg.RED),
          "hottest CPU");
      steps(chart, run.result().meanInletC(), 1, SvgChart.Style.solid(Svg.BLUE), "mean inlet");
      plots.add(chart.render());
    }
    return plots;
  }

  /** Jobs waiting in the queue, one plot per run on the same axes. */
  List<String> queueLength() {
    double max = 0;
    for (Run run : runs) {
      max = Math.max(max, maxOf(run.result().queueLength()));
    }
    Axis jobs = Axis.linear(0, max, "jobs waiting");
    List<String> plots = new ArrayList<>();
    for (Run run : runs) {
      SvgChart chart = new SvgChart("Queue length" + suffix(run), time, jobs);
      steps(chart, run.result().queueLength(), 1, SvgChart.Style.solid(Svg.PURPLE), "queue");
      plots.add(chart.render());
    }
    return plots;
  }

  private void steps(SvgChart chart, Series series, double scale, SvgChart.Style style,
      String label) {
    if (series.size() > 0) {
      chart.steps(Downsample.minMax(series, 0, endS, BUCKETS), scale, style, label);
    }
  }

  private String suffix(Run run) {
    return runs.size() > 1 ? " (" + run.label() + ")" : "";
  }

  private static SvgChart.Style runStyle(Run run) {
    return run.baseline() ? SvgChart.Style.dashed(Svg.GREY) : SvgChart.Style.solid(Svg.BLUE);
  }

  private static String runColor(Run run) {
    return run.baseline() ? Svg.GREY : Svg.BLUE;
  }

  private static List<SiteResult> site(Run run, String name) {
    return run.result().sites().stream().filter(s -> s.site().equals(name)).limit(1).toList();
  }

  private static double maxOf(Series series) {
    return Arrays.stream(series.values()).filter(Double::isFinite).max()
        .orElse(Double.NEGATIVE_INFINITY);
  }

  /** The energy of each site's IT and cooling, one bar per run. */
  String energy() {
    List<String> categories = new ArrayList<>();
    List<Function<SimulationResult, Double>> energies = new ArrayList<>();
    energyCategories(categories, energies);
    double max = 0;
    List<Axis.Tick> ticks = new ArrayList<>();
    for (int c = 0; c < categories.size(); c++) {
      ticks.add(new Axis.Tick(c + 0.5, categories.get(c)));
      for (Run run : runs) {
        max = Math.max(max, energies.get(c).apply(run.result()));
      }
    }
    Axis.Scale scale = Axis.scale("kWh", max);
    SvgChart chart = new SvgChart("Energy by component",
        new Axis(0, Math.max(1, categories.size()), false, ticks, "component and site"),
        Axis.linear(0, max * scale.factor(), "energy (" + scale.unit() + ")"));
    double width = 0.7 / runs.size();
    for (int r = 0; r < runs.size(); r++) {
      Run run = runs.get(r);
      for (int c = 0; c < categories.size(); c++) {
        double shown = energies.get(c).apply(run.result()) * scale.factor();
        double from = c + 0.15 + r * width;
        chart.bar(from, from + width, shown, runColor(run), categories.get(c) + suffix(run)
            + ": " + JsonWriter.number(shown) + " " + scale.unit());
      }
      chart.legendEntry(run.label(), new SvgChart.Style(runColor(run), false, 8));
    }
    return chart.render();
  }

  /** Per site by name: its IT energy, then its cooling energy, in kWh. */
  private void energyCategories(List<String> categories,
      List<Function<SimulationResult, Double>> energies) {
    TreeSet<String> names = new TreeSet<>();
    runs.forEach(run -> run.result().sites().forEach(site -> names.add(site.site())));
    for (String name : names) {
      categories.add("IT " + name);
      energies.add(r -> siteEnergy(r, name, true));
      categories.add("cooling " + name);
      energies.add(r -> siteEnergy(r, name, false));
    }
  }

  private static double siteEnergy(SimulationResult result, String name, boolean it) {
    return result.sites().stream().filter(s -> s.site().equals(name))
        .mapToDouble(s -> it ? s.itEnergyKwh() : s.coolingEnergyKwh()).sum();
  }

  /**
   * The distribution of the completed jobs' bounded slowdown, as a CDF on a logarithmic axis,
   * drawn through at most 500 quantiles per run.
   */
  String slowdownCdf() {
    List<double[]> sorted = new ArrayList<>();
    double max = 10;
    for (Run run : runs) {
      double[] slowdowns = run.result().jobs().stream().filter(JobOutcome::completed)
          .mapToDouble(JobOutcome::boundedSlowdown).filter(Double::isFinite).sorted().toArray();
      sorted.add(slowdowns);
      if (slowdowns.length > 0) {
        max = Math.max(max, slowdowns[slowdowns.length - 1]);
      }
    }
    SvgChart chart = new SvgChart("Bounded slowdown of completed jobs (10 s bound), CDF",
        Axis.log10(1, max, "bounded slowdown (ratio, log scale)"),
        Axis.linear(0, 1, "fraction of completed jobs"));
    for (int r = 0; r < runs.size(); r++) {
      double[] values = sorted.get(r);
      if (values.length == 0) {
        continue;
      }
      double[][] points = cdfSteps(values, 500);
      chart.polyline(points[0], points[1], runStyle(runs.get(r)), runs.get(r).label() + " ("
          + values.length + " jobs)");
    }
    return chart.render();
  }

  /**
   * The corners of a step CDF through at most {@code maxPoints} quantiles of {@code sorted}:
   * x values in row 0, cumulative fractions in row 1.
   */
  static double[][] cdfSteps(double[] sorted, int maxPoints) {
    int points = Math.min(sorted.length, maxPoints);
    double[] xs = new double[2 * points];
    double[] ys = new double[2 * points];
    double previous = 0;
    for (int k = 0; k < points; k++) {
      int index = (int) ((long) (k + 1) * sorted.length / points) - 1;
      xs[2 * k] = sorted[index];
      ys[2 * k] = previous;
      xs[2 * k + 1] = sorted[index];
      ys[2 * k + 1] = previous = (index + 1.0) / sorted.length;
    }
    return new double[][] {xs, ys};
  }

  /** Failures, actions, alarms and events on a time line, one row per kind (and run). */
  String timeline() {
    List<String> rows = new ArrayList<>();
    List<List<Mark>> marksPerRow = new ArrayList<>();
    for (Run run : runs) {
      TreeSet<String> kinds = new TreeSet<>(MarkKinds.ORDER);
      run.result().marks().forEach(mark -> kinds.add(mark.kind()));
      for (String kind : kinds) {
        rows.add(kind + suffix(run));
        marksPerRow.add(run.result().marks().stream().filter(m -> m.kind().equals(kind))
            .toList());
      }
    }
    List<Axis.Tick> ticks = new ArrayList<>();
    for (int row = 0; row < rows.size(); row++) {
      ticks.add(new Axis.Tick(rows.size() - row - 0.5, rows.get(row)));
    }
    SvgChart chart = new SvgChart("Failures and actions over time", time,
        new Axis(0, Math.max(1, rows.size()), false, ticks, ""), 100 + 30 * rows.size());
    for (int row = 0; row < rows.size(); row++) {
      MarkKinds.draw(chart, marksPerRow.get(row), rows.size() - row - 0.5, endS,
          Math.max(60, MARK_TICKS / rows.size()));
    }
    return chart.render();
  }
}
