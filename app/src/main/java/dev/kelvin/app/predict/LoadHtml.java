package dev.kelvin.app.predict;

import dev.kelvin.app.StartupException;
import dev.kelvin.predictor.load.ForecastPlot;
import dev.kelvin.predictor.load.LoadScores;
import dev.kelvin.predictor.load.TraceScore;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.simulator.report.Axis;
import dev.kelvin.simulator.report.HtmlPage;
import dev.kelvin.simulator.report.Svg;
import dev.kelvin.simulator.report.SvgChart;
import dev.kelvin.simulator.report.SvgChart.Style;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The report page of {@code kelvin eval load}: the MASE table, then for each trace and
 * horizon a stretch of one test series with the model's, persistence's and seasonal-naive's
 * forecasts plotted against what happened (seasonal-naive left out where no value a day
 * before was known: it is persistence there).
 */
final class LoadHtml {
  private LoadHtml() {}

  static void write(Path file, LoadScores scores, ModelFile model, LoadData data) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      Files.writeString(file, page(scores, model, data), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StartupException("cannot write the report to --html " + file + ": " + e, e);
    }
  }

  static String page(LoadScores scores, ModelFile model, LoadData data) {
    HtmlPage page = new HtmlPage("Kelvin load forecast: " + model.version(),
        "model " + model.version() + " (" + model.meta().algorithm() + ", trained on "
            + model.meta().trainedFrom() + " .. " + model.meta().trainedUntil() + "); data "
            + data.described() + "; forecasts made from " + scores.testFrom() + " on");
    page.heading("MASE per trace and horizon").table(LoadTable.rows(scores))
        .paragraph(LoadJson.SCALE + ". Below 1: better than that naive forecast was in sample;"
            + " persistence is the last value, seasonal-naive the value a day before the"
            + " target (the last value where that is unknown: see day-ago known).");
    page.heading("Forecasts against what happened");
    for (TraceScore trace : scores.traces()) {
      trace.plot().ifPresent(plot -> {
        for (int h = 0; h < scores.horizons().count(); h++) {
          String key = scores.horizons().key(h);
          page.figure(chart(trace, plot, h, key), trace.trace() + ", " + plot.series() + ": "
              + key + " ahead, MASE " + LoadTable.number(trace.mase(h)) + " (persistence "
              + LoadTable.number(trace.persistenceMase(h)) + ")");
        }
      });
    }
    return page.render();
  }

  private static String chart(TraceScore trace, ForecastPlot plot, int h, String key) {
    int n = plot.actual().length;
    double stepHours = plot.step().toSeconds() / 3600.0;
    double[] hours = new double[n];
    Arrays.setAll(hours, j -> j * stepHours);
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double[] line : new double[][] {plot.actual(), plot.model()[h], plot.persistence()[h]}) {
      for (double value : line) {
        if (Double.isFinite(value)) {
          low = Math.min(low, value);
          high = Math.max(high, value);
        }
      }
    }
    SvgChart chart = new SvgChart(trace.trace() + ": " + key + " ahead",
        Axis.linear(0, n * stepHours, "hours from " + plot.start()),
        Axis.linear(low, high, trace.unit()));
    draw(chart, hours, plot.actual(), Style.solid(Svg.BLACK), "actual");
    draw(chart, hours, plot.persistence()[h], Style.dashed(Svg.ORANGE), "persistence");
    if (trace.horizons().get(h).seasonalFromDayAgo() > 0) {
      draw(chart, hours, plot.seasonal()[h], Style.dashed(Svg.GREEN), "seasonal-naive");
    }
    draw(chart, hours, plot.model()[h], Style.solid(Svg.BLUE), "model");
    return chart.render();
  }

  /** Draws the known runs of {@code values} as lines, with one legend entry. */
  private static void draw(SvgChart chart, double[] xs, double[] values, Style style,
      String label) {
    int from = -1;
    for (int j = 0; j <= values.length; j++) {
      boolean known = j < values.length && Double.isFinite(values[j]);
      if (known && from < 0) {
        from = j;
      } else if (!known && from >= 0) {
        chart.polyline(Arrays.copyOfRange(xs, from, j), Arrays.copyOfRange(values, from, j),
            style, null);
        from = -1;
      }
    }
    chart.legendEntry(label, style);
  }
}
