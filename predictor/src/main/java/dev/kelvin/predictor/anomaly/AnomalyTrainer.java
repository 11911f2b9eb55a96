package dev.kelvin.predictor.anomaly;

import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.eval.Thresholds;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Trains the anomaly detector on a telemetry file's rows before a date, without labels, and
 * keeps the better of its two methods on measured results.
 *
 * <p>The ticks before {@code until} are split in time: the first {@value #FIT_SHARE} fit both
 * methods (the inputs' medians and scales; the one-class SVM, at each setting of its grid, on
 * an evenly spread sample of {@value #SVM_ROWS} rows), the rest validate them: each scores
 * those rows, the SVM setting whose scores rank the rows in a precursor window above the others
 * best (ROC-AUC) is the SVM's, and the better of the two methods is kept, with the score at
 * which flagging its validation rows gives the best F1 as its threshold. Labels are read only
 * there. Both are then fitted again on all rows before {@code until}, and each method's score
 * distribution over them (from an evenly spread sample of at most {@value #CDF_ROWS} rows) turns
 * its raw scores into 0-1. Nothing at or after {@code until} is read.
 *
 * <p>The operator may name the method to keep instead ({@code kelvin train anomaly --method}):
 * both are still fitted and validated, so the file holds both thresholds and validation
 * figures, and its settings say which method is kept ({@value AnomalyModel#METHOD}) and who
 * chose it ({@value AnomalyModel#CHOSEN_BY}: {@code operator} or {@code validation}).
 */
public final class AnomalyTrainer {
  /** A row is in a precursor window within this span before a failure that gives warning. */
  public static final Duration WINDOW = Duration.ofMinutes(30);
  static final double FIT_SHARE = 0.75;
  static final int SVM_ROWS = 4_000;
  static final int CDF_ROWS = 200_000;
  private static final long SEED = 1;

  private AnomalyTrainer() {}

  /**
   * Trains on the rows of {@code file} before {@code until} and writes the model to
   * {@code out}.
   *
   * @param dataSha256 the SHA-256 of the file's bytes, for the model's provenance
   * @throws IllegalArgumentException when the range holds too little to fit and validate
   */
  public static AnomalyTraining train(Path file, String dataSha256, Instant until, Path out,
      Consumer<String> progress) {
    return train(file, dataSha256, until, Optional.empty(), out, progress);
  }

  /**
   * Trains as {@link #train(Path, String, Instant, Path, Consumer)} does, keeping
   * {@code method} when given instead of the method that validates better.
   *
   * @throws IllegalArgumentException when the range holds too little to fit and validate
   */
  public static AnomalyTraining train(Path file, String dataSha256, Instant until,
      Optional<AnomalyMethod> method, Path out, Consumer<String> progress) {
    AnomalyData data = AnomalyData.read(file, Instant.MIN, until, WINDOW, progress);
    int fitTicks = (int) (data.tickCount() * FIT_SHARE);
    if (fitTicks < 10 || data.tickCount() - fitTicks < 10) {
      throw new IllegalArgumentException("the data before " + until + " holds "
          + data.tickCount() + " ticks: too few to fit and validate on (need 40; record a"
          + " longer run, or give a later --until)");
    }
    String described = file.getFileName() + " sha256=" + dataSha256;
    progress.accept("fitting both methods on " + fitTicks + " ticks, validating on "
        + (data.tickCount() - fitTicks) + " ...");
    Validation validation = validate(data, fitTicks, described);
    AnomalyMethod kept = method.orElse(validation.better());
    MethodChoice chosenBy = method.isPresent() ? MethodChoice.OPERATOR : MethodChoice.VALIDATION;
    progress.accept(String.format(Locale.ROOT, "validation ROC-AUC: peer_zscore %.4f,"
        + " one_class_svm %.4f (nu %s, gamma %s): keeping %s (chosen by %s), flagging from %.4f"
        + " (best F1); fitting both on all %,d rows ...",
        validation.rocAuc().get(AnomalyMethod.PEER_ZSCORE),
        validation.rocAuc().get(AnomalyMethod.ONE_CLASS_SVM), validation.svmSetting()[0],
        validation.svmSetting()[1], kept.wireName(), chosenBy.wireName(),
        validation.threshold().get(kept), data.rows()));
    List<double[]> all = data.rows(0, data.tickCount());
    RobustScales scales = RobustScales.fit(all);
    OneClassSvm svm = OneClassSvm.train(spread(all, SVM_ROWS), scales, described, SEED,
        validation.svmSetting());
    Map<AnomalyMethod, ScoreCdf> cdfs = new EnumMap<>(AnomalyMethod.class);
    cdfs.put(AnomalyMethod.PEER_ZSCORE, ScoreCdf.fit(spread(
        raw(new PeerZScores(scales), data, 0, data.tickCount()), CDF_ROWS)));
    cdfs.put(AnomalyMethod.ONE_CLASS_SVM, ScoreCdf.fit(svm.raw(spread(all, CDF_ROWS))));
    ModelMeta meta = new ModelMeta(ModelKind.ANOMALY, NodeTelemetryFeatures.FEATURES,
        kept.wireName(), file.toString(), dataSha256, data.ticks[0],
        until.equals(Instant.MAX) ? data.ticks[data.tickCount() - 1].plusSeconds(1) : until,
        AnomalyModel.settings(kept, chosenBy, validation.better(), scales, cdfs,
            validation.rocAuc(), validation.threshold(), WINDOW));
    ModelFile written = ModelFile.write(out, svm.model(), meta);
    progress.accept("wrote " + out + " (" + written.version() + ")");
    return new AnomalyTraining(written, kept, chosenBy, validation.rocAuc(),
        validation.threshold(), data.rows(), data.tickCount());
  }

  /**
   * What the validation ticks say of each method fitted on the fit ticks.
   *
   * @param rocAuc each method's ROC-AUC (the SVM's at its best setting)
   * @param threshold each method's score (0-1, through a distribution fitted on the fit
   *     ticks) at or above which flagging gives the best F1
   * @param svmSetting the SVM's best setting, {nu, gamma}
   */
  private record Validation(Map<AnomalyMethod, Double> rocAuc,
      Map<AnomalyMethod, Double> threshold, double[] svmSetting) {
    /** The method with the higher ROC-AUC; the peer method on a tie (it is the simpler). */
    AnomalyMethod better() {
      return rocAuc.get(AnomalyMethod.PEER_ZSCORE) >= rocAuc.get(AnomalyMethod.ONE_CLASS_SVM)
          ? AnomalyMethod.PEER_ZSCORE : AnomalyMethod.ONE_CLASS_SVM;
    }
  }

  private static Validation validate(AnomalyData data, int fitTicks, String described) {
    List<double[]> fit = data.rows(0, fitTicks);
    List<double[]> held = data.rows(fitTicks, data.tickCount());
    RobustScales scales = RobustScales.fit(fit);
    boolean[] labels = data.labels(fitTicks, data.tickCount());
    Map<AnomalyMethod, Double> auc = new EnumMap<>(AnomalyMethod.class);
    Map<AnomalyMethod, Double> threshold = new EnumMap<>(AnomalyMethod.class);
    PeerZScores peers = new PeerZScores(scales);
    double[] peerRaw = raw(peers, data, fitTicks, data.tickCount());
    auc.put(AnomalyMethod.PEER_ZSCORE, rocAuc(peerRaw, labels));
    threshold.put(AnomalyMethod.PEER_ZSCORE, bestF1(ScoreCdf.fit(spread(raw(peers, data, 0,
        fitTicks), CDF_ROWS)), peerRaw, labels));
    SvmChoice svm = bestSvm(fit, held, labels, scales, described);
    auc.put(AnomalyMethod.ONE_CLASS_SVM, svm.rocAuc());
    threshold.put(AnomalyMethod.ONE_CLASS_SVM, bestF1(ScoreCdf.fit(svm.svm().raw(spread(fit,
        CDF_ROWS))), svm.raw(), labels));
    return new Validation(auc, threshold, svm.setting().clone());
  }

  /** The SVM of the grid setting that validates best, with its validation scores. */
  private record SvmChoice(OneClassSvm svm, double[] setting, double[] raw, double rocAuc) {}

  private static SvmChoice bestSvm(List<double[]> fit, List<double[]> held, boolean[] labels,
      RobustScales scales, String described) {
    SvmChoice best = null;
    for (double[] setting : OneClassSvm.GRID) {
      OneClassSvm svm = OneClassSvm.train(spread(fit, SVM_ROWS), scales, described, SEED,
          setting);
      double[] raw = svm.raw(held);
      double auc = rocAuc(raw, labels);
      if (best == null || auc > best.rocAuc()) {
        best = new SvmChoice(svm, setting, raw, auc);
      }
    }
    return best;
  }

  /** The 0-1 score at or above which {@code raw} scores flag with the best F1. */
  private static double bestF1(ScoreCdf cdf, double[] raw, boolean[] labels) {
    double[] scores = new double[raw.length];
    double[] weights = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      scores[i] = cdf.apply(raw[i]);
      weights[i] = 1;
    }
    return Math.min(1, Thresholds.bestF1(scores, labels, weights));
  }

  private static double rocAuc(double[] scores, boolean[] labels) {
    return BinaryMetrics.of(scores, labels, Double.POSITIVE_INFINITY).rocAuc();
  }

  /** The peer method's raw scores of ticks {@code [from, to)}, tick by tick. */
  static double[] raw(PeerZScores peers, AnomalyData data, int fromTick, int toTick) {
    double[] raw = new double[data.tickStarts[toTick] - data.tickStarts[fromTick]];
    int at = 0;
    for (int t = fromTick; t < toTick; t++) {
      double[] tick = peers.raw(data.tick(t));
      System.arraycopy(tick, 0, raw, at, tick.length);
      at += tick.length;
    }
    return raw;
  }

  /** At most {@code count} of {@code rows}, evenly spread over them. */
  static List<double[]> spread(List<double[]> rows, int count) {
    if (rows.size() <= count) {
      return rows;
    }
    List<double[]> kept = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      kept.add(rows.get((int) ((long) k * rows.size() / count)));
    }
    return kept;
  }

  private static double[] spread(double[] values, int count) {
    if (values.length <= count) {
      return values;
    }
    double[] kept = new double[count];
    for (int k = 0; k < count; k++) {
      kept[k] = values[(int) ((long) k * values.length / count)];
    }
    return kept;
  }
}
