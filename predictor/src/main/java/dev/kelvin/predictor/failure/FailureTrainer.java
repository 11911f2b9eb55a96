package dev.kelvin.predictor.failure;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.eval.Thresholds;
import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Trains a failure model from the examples of one or more sources and writes it as a model file
 * of kind {@code failure}. Used as
 * {@code new FailureTrainer(Settings.defaults(), progress).train(sources, until, out)}:
 *
 * <ol>
 *   <li>each source is split by {@link FailureSplit#of} at {@code until} (or at its
 *       {@link FailureSplit#defaultUntil}), and the sources' training and validation parts are
 *       pooled;
 *   <li>a random forest and XGBoost ({@link FailureAlgorithm}) learn from the training part
 *       ({@link TrainingSet}: classes balanced by weight) and are scored on validation; the one
 *       with the better average precision (PR-AUC) is kept;
 *   <li>its probability is calibrated on validation ({@link PlattCalibration}), and the
 *       decision threshold is the calibrated probability that maximises F1 on validation;
 *   <li>the model file records the feature set, the data files and their SHA-256, the time
 *       range, and the settings {@code horizon} (ISO-8601), {@code threshold}, the calibration,
 *       {@code until.<source>} and {@code validation_from.<source>}, and each candidate's
 *       validation PR-AUC ({@code validation.pr_auc.<algorithm>}).
 * </ol>
 *
 * {@link FailureModel} reads such a file back for evaluation and serving.
 */
public final class FailureTrainer {
  /** Tribuo's bagging logs a line per tree at INFO; progress says enough. Kept referenced. */
  private static final java.util.logging.Logger BAGGING_LOG =
      java.util.logging.Logger.getLogger("org.tribuo.ensemble.BaggingTrainer");

  static {
    BAGGING_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  /**
   * How the candidates are built.
   *
   * @param forestTrees trees in the random forest
   * @param forestDepth the forest trees' maximum depth
   * @param boostRounds XGBoost's boosting rounds
   * @param boostDepth XGBoost trees' maximum depth
   * @param maxTrainingExamples the most examples a candidate learns from ({@link TrainingSet})
   * @param seed the seed of every random choice
   */
  public record Settings(int forestTrees, int forestDepth, int boostRounds, int boostDepth,
      int maxTrainingExamples, long seed) {
    public Settings {
      if (forestTrees < 1 || forestDepth < 1 || boostRounds < 1 || boostDepth < 1) {
        throw new IllegalArgumentException("tree counts and depths must be >= 1");
      }
      if (maxTrainingExamples < 100) {
        throw new IllegalArgumentException("maxTrainingExamples must be >= 100, was "
            + maxTrainingExamples);
      }
    }

    public static Settings defaults() {
      return new Settings(50, 10, 200, 4, 150_000, 1);
    }
  }

  private final Settings settings;
  private final Consumer<String> progress;

  public FailureTrainer(Settings settings, Consumer<String> progress) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Trains on {@code sources}, each cut at {@code until} or its default, and writes {@code out}.
   *
   * @throws IllegalArgumentException when the sources differ in features or horizon, or a
   *     split lacks failures
   */
  public FailureTraining train(List<FailureExamples> sources, Optional<Instant> until, Path out) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no failure data to train on");
    }
    FeatureSet features = sources.get(0).features();
    Duration horizon = sources.get(0).horizon();
    List<FailureSplit> splits = new ArrayList<>();
    for (FailureExamples source : sources) {
      if (!source.features().equals(features) || !source.horizon().equals(horizon)) {
        throw new IllegalArgumentException("source " + source.source() + " has features "
            + source.features().id() + " and horizon " + source.horizon() + ", the first has "
            + features.id() + " and " + horizon + "; train them apart");
      }
      FailureSplit split = FailureSplit.of(source,
          until.orElseGet(() -> FailureSplit.defaultUntil(source)));
      splits.add(split);
      progress.accept(describe(split));
    }
    List<FailureExample> training = pool(splits, true);
    List<FailureExample> validation = pool(splits, false);
    FailureEncoding encoding = new FailureEncoding(features);
    DataFiles data = DataFiles.combined(sources.stream().map(FailureExamples::data).toList());
    MutableDataset<Label> dataset = TrainingSet.of(training, encoding,
        settings.maxTrainingExamples(), settings.seed(),
        "kelvin failure examples of " + data.names() + " sha256 " + data.sha256());
    progress.accept("training on " + dataset.size() + " of " + training.size()
        + " training examples; validating on " + validation.size());
    return choose(dataset, validation, encoding, horizon, splits, data, out);
  }

  /** The validation part as arrays, for scoring and metrics. */
  private record Validation(List<double[]> rows, boolean[] labels, double[] weights) {
    static Validation of(List<FailureExample> examples) {
      return new Validation(examples.stream().map(FailureExample::features).toList(),
          FailureTrainer.labels(examples),
          examples.stream().mapToDouble(FailureExample::weight).toArray());
    }
  }

  /** One trained candidate with its raw validation scores. */
  private record Trained(FailureTraining.Candidate candidate, Model<Label> model, double[] raw) {}

  private FailureTraining choose(MutableDataset<Label> dataset, List<FailureExample> examples,
      FailureEncoding encoding, Duration horizon, List<FailureSplit> splits, DataFiles data,
      Path out) {
    Validation validation = Validation.of(examples);
    List<FailureTraining.Candidate> candidates = new ArrayList<>();
    Trained best = null;
    for (FailureAlgorithm algorithm : FailureAlgorithm.values()) {
      Trained trained = candidate(algorithm, dataset, encoding, horizon, validation);
      candidates.add(trained.candidate());
      if (best == null
          || trained.candidate().validation().prAuc() > best.candidate().validation().prAuc()) {
        best = trained;
      }
    }
    PlattCalibration calibration = PlattCalibration.fit(best.raw(), validation.labels(),
        validation.weights());
    double[] calibrated = new double[best.raw().length];
    for (int i = 0; i < calibrated.length; i++) {
      calibrated[i] = calibration.apply(best.raw()[i]);
    }
    double threshold = Thresholds.bestF1(calibrated, validation.labels(), validation.weights());
    BinaryMetrics metrics = BinaryMetrics.of(calibrated, validation.labels(),
        validation.weights(), threshold);
    FailureAlgorithm kept = best.candidate().algorithm();
    progress.accept(String.format(Locale.ROOT, "kept %s; calibrated on validation: threshold"
        + " %.4f, precision %.3f, recall %.3f", kept.shortName(), threshold,
        metrics.precision(), metrics.recall()));
    Map<String, String> extra = new HashMap<>(calibration.settings());
    candidates.forEach(c -> extra.put(FailureSettings.VALIDATION_PR_AUC
        + c.algorithm().shortName(), FailureSettings.number(c.validation().prAuc())));
    ModelFile file = ModelFile.write(out, best.model(), FailureSettings.meta(
        encoding.features(), kept, horizon, threshold, splits, data, extra));
    progress.accept("wrote " + out + " (" + file.version() + ")");
    return new FailureTraining(file, splits, candidates, kept, calibration, metrics);
  }

  private Trained candidate(FailureAlgorithm algorithm, MutableDataset<Label> dataset,
      FailureEncoding encoding, Duration horizon, Validation validation) {
    progress.accept(algorithm.shortName() + ": training");
    long start = System.nanoTime();
    Model<Label> model = fit(algorithm, dataset, horizon);
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] raw = FailureScores.raw(model, encoding, validation.rows());
    BinaryMetrics metrics = BinaryMetrics.of(raw, validation.labels(), validation.weights(), 0.5);
    progress.accept(String.format(Locale.ROOT, "%s: validation PR-AUC %.4f, ROC-AUC %.4f"
        + " (trained in %.1f s)", algorithm.shortName(), metrics.prAuc(), metrics.rocAuc(),
        seconds));
    return new Trained(new FailureTraining.Candidate(algorithm, metrics, seconds), model, raw);
  }

  private Model<Label> fit(FailureAlgorithm algorithm, MutableDataset<Label> dataset,
      Duration horizon) {
    Map<String, Provenance> run = Map.of(
        "horizon", new StringProvenance("horizon", horizon.toString()),
        "encoding", new StringProvenance("encoding", FailureEncoding.NAME));
    try {
      return algorithm.trainer(settings).train(dataset, run);
    } catch (RuntimeException e) {
      throw new IllegalStateException("training " + algorithm.shortName() + " on "
          + dataset.size() + " examples failed inside Tribuo: " + e.getMessage()
          + " (for XGBoost: is libgomp installed?)", e);
    }
  }

  private static List<FailureExample> pool(List<FailureSplit> splits, boolean training) {
    List<FailureExample> pooled = new ArrayList<>();
    for (FailureSplit split : splits) {
      pooled.addAll(training ? split.training() : split.validation());
    }
    return pooled;
  }

  static boolean[] labels(List<FailureExample> examples) {
    boolean[] labels = new boolean[examples.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = examples.get(i).label();
    }
    return labels;
  }

  private static String describe(FailureSplit split) {
    return String.format(Locale.ROOT, "%s: training %d examples (%d positive) before %s,"
        + " validation %d (%d positive) from %s until %s, %d purged at the boundaries",
        split.source(), split.training().size(), positives(split.training()),
        split.validationFrom(), split.validation().size(), positives(split.validation()),
        split.validationFrom(), split.until(), split.purged());
  }

  private static long positives(List<FailureExample> examples) {
    return examples.stream().filter(FailureExample::label).count();
  }
}
