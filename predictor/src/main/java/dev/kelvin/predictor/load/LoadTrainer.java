package dev.kelvin.predictor.load;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.kelvin.datasets.load.LoadSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Trains a load forecaster on the data before a boundary. The latest {@code validationShare} of
 * the training time range is held out; XGBoost and CART are fitted on the rest and scored there
 * (mean MASE over horizons); the better is fitted again on all training data. Every example's
 * features and targets end by the boundary ({@link LoadSplit}); one model serves every trace,
 * the series being scaled alike ({@link LoadFeatures}).
 */
public final class LoadTrainer {
  private static final RegressionFactory FACTORY = new RegressionFactory();

  /**
   * @param seed seeds the samples and the trainers
   * @param examplesPerTrace at most this many training examples per trace (a uniform sample)
   * @param validationAnchorsPerTrace at most this many validation anchors per trace
   * @param validationShare the latest share of the training time range held out, 0-1
   */
  public record Settings(long seed, int examplesPerTrace, int validationAnchorsPerTrace,
      double validationShare) {
    public static final Settings DEFAULT = new Settings(42, 60_000, 30_000, 0.2);

    public Settings {
      if (examplesPerTrace < 1 || validationAnchorsPerTrace < 1
          || !(validationShare > 0 && validationShare < 1)) {
        throw new IllegalArgumentException("need at least 1 example and anchor per trace and a"
            + " validation share in (0, 1), had " + examplesPerTrace + ", "
            + validationAnchorsPerTrace + ", " + validationShare);
      }
    }
  }

  private LoadTrainer() {}

  /**
   * Trains on {@code series} before {@code until}.
   *
   * @param dataSha256 the SHA-256 of the data files, recorded in the model's provenance
   * @param progress gets a line per stage
   * @throws IllegalArgumentException when the series' steps differ or nothing can be trained on
   */
  public static LoadTraining train(List<LoadSeries> series, Instant until, String dataSha256,
      Settings settings, Consumer<String> progress) {
    LoadHorizons horizons = LoadHorizons.forStep(commonStep(series));
    Instant from = series.stream().map(LoadSeries::start).min(Instant::compareTo).orElseThrow();
    Instant latest = series.stream().map(LoadSeries::end).max(Instant::compareTo).orElseThrow();
    Instant trainedUntil = until.isBefore(latest) ? until : latest;
    if (!trainedUntil.isAfter(from)) {
      throw new IllegalArgumentException("no data before " + until + ": the data begins at "
          + from + " (an --until before the data?)");
    }
    Instant validationFrom = from.plusMillis((long) (Duration.between(from, trainedUntil)
        .toMillis() * (1 - settings.validationShare())));
    Map<LoadAlgorithm, LoadScores> validation = validate(series, horizons, from,
        validationFrom, trainedUntil, dataSha256, settings, progress);
    LoadAlgorithm chosen = validation.isEmpty() ? LoadAlgorithm.XGBOOST : best(validation);
    progress.accept("chosen: " + chosen.shortName() + "; fitting it on all data before "
        + trainedUntil);
    List<Example> all = examples(series, horizons, from, trainedUntil, settings);
    Model<Regressor> model = fit(chosen, all, horizons, trainedUntil, dataSha256, settings);
    return new LoadTraining(new LoadModel(model, horizons, chosen.missingIndicators(),
        "candidate-" + chosen.shortName()), chosen, validation, from, trainedUntil,
        validationFrom, all.size());
  }

  private static Map<LoadAlgorithm, LoadScores> validate(List<LoadSeries> series,
      LoadHorizons horizons, Instant from, Instant validationFrom, Instant until,
      String dataSha256, Settings settings, Consumer<String> progress) {
    List<Example> fit = examples(series, horizons, from, validationFrom, settings);
    Map<String, List<SeriesPoint>> held = LoadSplit.training(series, horizons, validationFrom,
        until, settings.validationAnchorsPerTrace(), settings.seed() + 1);
    Map<LoadAlgorithm, LoadScores> scores = new EnumMap<>(LoadAlgorithm.class);
    if (held.isEmpty()) {
      progress.accept("no validation anchors after " + validationFrom + ": keeping xgboost"
          + " unvalidated");
      return scores;
    }
    for (LoadAlgorithm algorithm : LoadAlgorithm.values()) {
      progress.accept("fitting " + algorithm.shortName() + " on " + fit.size()
          + " examples before " + validationFrom);
      Model<Regressor> model = fit(algorithm, fit, horizons, validationFrom, dataSha256,
          settings);
      LoadScores score = LoadEvaluator.score(new LoadModel(model, horizons,
          algorithm.missingIndicators(), "validation"), series, held, validationFrom, false);
      progress.accept(String.format(Locale.ROOT, "validation MASE of %s: %s", algorithm
          .shortName(), describe(score)));
      scores.put(algorithm, score);
    }
    return scores;
  }

  private static String describe(LoadScores score) {
    StringBuilder text = new StringBuilder();
    for (int h = 0; h < score.horizons().count(); h++) {
      text.append(String.format(Locale.ROOT, "%s %.3f (persistence %.3f)  ",
          score.horizons().key(h), score.mase(h), score.persistenceMase(h)));
    }
    return text.toString().strip();
  }

  private static LoadAlgorithm best(Map<LoadAlgorithm, LoadScores> validation) {
    LoadAlgorithm best = LoadAlgorithm.XGBOOST;
    for (Map.Entry<LoadAlgorithm, LoadScores> entry : validation.entrySet()) {
      double mase = entry.getValue().meanMase();
      double bestMase = validation.get(best).meanMase();
      if (Double.isFinite(mase) && !(mase >= bestMase)) {
        best = entry.getKey();
      }
    }
    return best;
  }

  /** One training example: the anchor and its scaled change at each horizon. */
  private record Example(LoadAnchor anchor, double[] targets) {}

  private static List<Example> examples(List<LoadSeries> series, LoadHorizons horizons,
      Instant from, Instant until, Settings settings) {
    Map<String, List<SeriesPoint>> points = LoadSplit.training(series, horizons, from, until,
        settings.examplesPerTrace(), settings.seed());
    int features = LoadFeatures.names(horizons).size();
    List<Example> examples = new ArrayList<>();
    for (List<SeriesPoint> trace : points.values()) {
      for (SeriesPoint point : trace) {
        LoadAnchor anchor = point.anchor(horizons, features);
        double[] targets = new double[horizons.count()];
        for (int h = 0; h < horizons.count(); h++) {
          targets[h] = anchor.target(point.ahead(horizons.steps(h)));
        }
        examples.add(new Example(anchor, targets));
      }
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training example ends by " + until + ": a series"
          + " needs " + (horizons.maxSteps() + 1) + " known values in a row (the longest"
          + " horizon, " + horizons.horizons().get(horizons.count() - 1) + ", and one more)");
    }
    return examples;
  }

  private static Model<Regressor> fit(LoadAlgorithm algorithm, List<Example> examples,
      LoadHorizons horizons, Instant until, String dataSha256, Settings settings) {
    List<String> names = LoadFeatures.names(horizons);
    String[] outputs = TribuoLoad.outputs(horizons);
    MutableDataset<Regressor> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
        "kelvin load series, data sha256 " + dataSha256 + ", " + examples.size()
            + " examples ending by " + until, until.atOffset(ZoneOffset.UTC), FACTORY), FACTORY);
    for (Example example : examples) {
      dataset.add(TribuoLoad.example(example.anchor(), names, outputs, example.targets(),
          algorithm.missingIndicators()));
    }
    Map<String, Provenance> run = Map.of(
        "step", new StringProvenance("step", horizons.step().toString()),
        "horizons", new StringProvenance("horizons", horizons.horizons().toString()),
        "until", new StringProvenance("until", until.toString()),
        "seed", new LongProvenance("seed", settings.seed()));
    try {
      return algorithm.trainer(settings.seed(), dataset).train(dataset, run);
    } catch (RuntimeException e) {
      throw new IllegalStateException("training the " + algorithm.shortName() + " load model on "
          + examples.size() + " examples failed inside Tribuo: " + e.getMessage(), e);
    }
  }

  private static Duration commonStep(List<LoadSeries> series) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no load series to train on");
    }
    List<Duration> steps = series.stream().map(LoadSeries::step).distinct().toList();
    if (steps.size() > 1) {
      throw new IllegalArgumentException("the series have steps " + steps + "; one model has one"
          + " step: train one per data set (PlanetLab and SWF are 5 minutes, BioHPC an hour)");
    }
    return steps.get(0);
  }
}
