package dev.kelvin.predictor.load;

import dev.kelvin.datasets.load.LoadSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges a load model on data strictly later than a boundary: every anchor made at or after it
 * (a seeded sample of at most {@code capPerTrace} per trace) is forecast at every horizon whose
 * target is known, beside persistence and seasonal-naive (one day), and each trace's mean
 * absolute errors are scaled by its in-sample one-step naive MAE ({@link NaiveScale}) over the
 * data before the boundary.
 */
public final class LoadEvaluator {
  /** How many anchors of one series the plot of a trace shows. */
  static final int PLOT_POINTS = 288;
  private static final int BATCH = 20_000;

  private LoadEvaluator() {}

  /** The scores of {@code model} on the anchors of {@code series} made at or after {@code from}. */
  public static LoadScores evaluate(LoadModel model, List<LoadSeries> series, Instant from,
      int capPerTrace, long seed) {
    Map<String, List<SeriesPoint>> points =
        LoadSplit.test(series, model.horizons(), from, capPerTrace, seed);
    return score(model, series, points, from, true);
  }

  /** The scores of {@code model} on {@code points}, scaled by the data before {@code from}. */
  static LoadScores score(LoadModel model, List<LoadSeries> series,
      Map<String, List<SeriesPoint>> points, Instant from, boolean plots) {
    Map<String, List<LoadSeries>> byTrace = new TreeMap<>();
    series.forEach(one -> byTrace.computeIfAbsent(one.trace(), t -> new ArrayList<>()).add(one));
    List<TraceScore> traces = new ArrayList<>();
    for (Map.Entry<String, List<SeriesPoint>> trace : points.entrySet()) {
      List<LoadSeries> members = byTrace.get(trace.getKey());
      List<HorizonScore> horizons = sums(model, trace.getValue());
      Optional<ForecastPlot> plot = plots ? plot(model, members, from) : Optional.empty();
      traces.add(new TraceScore(trace.getKey(), members.get(0).unit(),
          NaiveScale.of(members, from), horizons, plot));
    }
    return new LoadScores(model.horizons(), from, traces);
  }

  private static List<HorizonScore> sums(LoadModel model, List<SeriesPoint> points) {
    LoadHorizons horizons = model.horizons();
    int features = LoadFeatures.names(horizons).size();
    int day = horizons.stepsPerDay();
    HorizonScore.Sums[] sums = new HorizonScore.Sums[horizons.count()];
    Arrays.setAll(sums, h -> new HorizonScore.Sums());
    for (int from = 0; from < points.size(); from += BATCH) {
      List<SeriesPoint> batch = points.subList(from, Math.min(points.size(), from + BATCH));
      List<LoadAnchor> anchors = new ArrayList<>(batch.size());
      batch.forEach(point -> anchors.add(point.anchor(horizons, features)));
      double[][] forecasts = model.forecast(anchors);
      for (int a = 0; a < batch.size(); a++) {
        SeriesPoint point = batch.get(a);
        for (int h = 0; h < horizons.count(); h++) {
          int k = horizons.steps(h);
          double actual = point.ahead(k);
          if (!Double.isNaN(actual)) {
            sums[h].add(actual, forecasts[a][h], anchors.get(a).last(), point.ahead(k - day));
          }
        }
      }
    }
    return Arrays.stream(sums).map(HorizonScore.Sums::score).toList();
  }

  /** The forecasts of the series with the most values after {@code from}, from there on. */
  private static Optional<ForecastPlot> plot(LoadModel model, List<LoadSeries> members,
      Instant from) {
    LoadSeries chosen = members.stream().max(Comparator.comparingInt(
        (LoadSeries one) -> one.length() - LoadSplit.firstMadeAtOrAfter(one, from))).orElseThrow();
    int first = LoadSplit.firstMadeAtOrAfter(chosen, from);
    int length = Math.min(PLOT_POINTS, chosen.length() - first);
    if (length <= 0) {
      return Optional.empty();
    }
    LoadHorizons horizons = model.horizons();
    int features = LoadFeatures.names(horizons).size();
    List<SeriesPoint> points = new ArrayList<>();
    List<LoadAnchor> anchors = new ArrayList<>();
    for (int i = first; i < first + length; i++) {
      SeriesPoint point = new SeriesPoint(chosen, i);
      LoadAnchor anchor = point.anchor(horizons, features);
      if (anchor != null) {
        points.add(point);
        anchors.add(anchor);
      }
    }
    PlotArrays arrays = new PlotArrays(horizons.count(), length);
    for (int j = 0; j < length; j++) {
      arrays.actual[j] = chosen.value(first + j);
    }
    arrays.fill(horizons, first, points, anchors, model.forecast(anchors));
    return Optional.of(new ForecastPlot(chosen.name(), chosen.timeAt(first), chosen.step(),
        arrays.actual, arrays.model, arrays.persistence, arrays.seasonal));
  }

  /** The arrays of a plot, NaN until filled. */
  private static final class PlotArrays {
    final double[] actual;
    final double[][] model;
    final double[][] persistence;
    final double[][] seasonal;

    PlotArrays(int horizons, int length) {
      actual = new double[length];
      model = nans(horizons, length);
      persistence = nans(horizons, length);
      seasonal = nans(horizons, length);
    }

    /** Puts each anchor's forecasts at the index of the value it forecasts. */
    void fill(LoadHorizons horizons, int first, List<SeriesPoint> points,
        List<LoadAnchor> anchors, double[][] forecasts) {
      int day = horizons.stepsPerDay();
      for (int a = 0; a < anchors.size(); a++) {
        for (int h = 0; h < horizons.count(); h++) {
          int steps = horizons.steps(h);
          int target = points.get(a).index() + steps - first;
          if (target < actual.length) {
            double last = anchors.get(a).last();
            double dayAgo = points.get(a).ahead(steps - day);
            model[h][target] = forecasts[a][h];
            persistence[h][target] = last;
            seasonal[h][target] = Double.isNaN(dayAgo) ? last : dayAgo;
          }
        }
      }
    }

    private static double[][] nans(int rows, int length) {
      double[][] array = new double[rows][length];
      for (double[] row : array) {
        Arrays.fill(row, Double.NaN);
      }
      return array;
    }
  }
}
