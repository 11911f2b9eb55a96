package dev.kelvin.predictor.anomaly;

import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.anomaly.Event;

/**
 * An anomaly model file ready to score one tick's nodes: its Tribuo model is the one-class SVM
 * (whose provenance records the training data, file and hash), its settings hold the method
 * kept ({@value #METHOD}), who chose it ({@value #CHOSEN_BY}: {@code operator} or
 * {@code validation}) and which method validated better ({@value #VALIDATION_BETTER}), the inputs' training medians and scales, and each method's score
 * distribution over the training rows. Both methods can score, so that {@code kelvin eval
 * anomaly} measures the one not kept beside the one kept. Thread-safe.
 */
public final class AnomalyModel {
  static final String METHOD = "method";
  static final String CHOSEN_BY = "method_chosen_by";
  static final String VALIDATION_BETTER = "method_validation_better";
  static final String INPUTS = "inputs";
  static final String SCALES = "scales.";
  static final String CDF = "cdf.";
  static final String WINDOW = "window";
  static final String VALIDATION_AUC = "validation_roc_auc.";
  static final String THRESHOLD = "threshold.";

  private final ModelFile file;
  private final AnomalyMethod method;
  private final MethodChoice chosenBy;
  private final PeerZScores peers;
  private final OneClassSvm svm;
  private final Map<AnomalyMethod, ScoreCdf> cdfs;
  private final Duration window;
  private final Map<AnomalyMethod, Double> thresholds;

  private AnomalyModel(ModelFile file, AnomalyMethod method, MethodChoice chosenBy,
      RobustScales scales, Map<AnomalyMethod, ScoreCdf> cdfs, Duration window,
      Map<AnomalyMethod, Double> thresholds) {
    this.file = file;
    this.method = method;
    this.chosenBy = chosenBy;
    this.peers = new PeerZScores(scales);
    this.svm = new OneClassSvm(scales, file.as(Event.class));
    this.cdfs = Map.copyOf(cdfs);
    this.window = window;
    this.thresholds = Map.copyOf(thresholds);
  }

  /**
   * The model of {@code file}.
   *
   * @throws ModelFileException when it is no anomaly model, was trained on other features, or
   *     its settings are missing or garbled
   */
  public static AnomalyModel of(ModelFile file) {
    file.requireKind(ModelKind.ANOMALY).requireFeatures(NodeTelemetryFeatures.FEATURES);
    Map<String, String> settings = file.meta().settings();
    try {
      if (!String.join(",", AnomalyInputs.NAMES).equals(settings.get(INPUTS))) {
        throw new IllegalArgumentException("inputs '" + settings.get(INPUTS) + "' are not "
            + String.join(",", AnomalyInputs.NAMES));
      }
      Map<AnomalyMethod, ScoreCdf> cdfs = new EnumMap<>(AnomalyMethod.class);
      Map<AnomalyMethod, Double> thresholds = new EnumMap<>(AnomalyMethod.class);
      for (AnomalyMethod each : AnomalyMethod.values()) {
        cdfs.put(each, ScoreCdf.fromSettings(settings, CDF + each.wireName()));
        thresholds.put(each, Double.parseDouble(file.meta().setting(THRESHOLD
            + each.wireName())));
      }
      return new AnomalyModel(file, AnomalyMethod.parse(file.meta().setting(METHOD)),
          MethodChoice.parse(settings.get(CHOSEN_BY)), RobustScales.fromSettings(settings, SCALES), cdfs,
          Duration.parse(file.meta().setting(WINDOW)), thresholds);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ModelFileException(file.path(), "bad anomaly model settings: " + e.getMessage()
          + " (written by another Kelvin, or edited by hand?)", e);
    }
  }

  /** The settings a trained model's file keeps. */
  static Map<String, String> settings(AnomalyMethod method, MethodChoice chosenBy,
      AnomalyMethod validationBetter, RobustScales scales, Map<AnomalyMethod, ScoreCdf> cdfs,
      Map<AnomalyMethod, Double> validationAuc, Map<AnomalyMethod, Double> thresholds,
      Duration window) {
    Map<String, String> settings = new HashMap<>();
    thresholds.forEach((each, threshold) -> settings.put(THRESHOLD + each.wireName(),
        Numbers.join(new double[] {threshold})));
    settings.put(METHOD, method.wireName());
    settings.put(CHOSEN_BY, chosenBy.wireName());
    settings.put(VALIDATION_BETTER, validationBetter.wireName());
    settings.put(INPUTS, String.join(",", AnomalyInputs.NAMES));
    settings.put(WINDOW, window.toString());
    settings.putAll(scales.settings(SCALES));
    cdfs.forEach((each, cdf) -> settings.putAll(cdf.settings(CDF + each.wireName())));
    validationAuc.forEach((each, auc) -> settings.put(VALIDATION_AUC + each.wireName(),
        Numbers.join(new double[] {auc})));
    return settings;
  }

  public ModelFile file() {
    return file;
  }

  /** The method kept. */
  public AnomalyMethod method() {
    return method;
  }

  /** Whether the operator named the method kept, or validation chose it. */
  public MethodChoice chosenBy() {
    return chosenBy;
  }

  /** The precursor window its validation labelled as anomalous. */
  public Duration window() {
    return window;
  }

  /** The kept method's score (0-1) at or above which a node is flagged. */
  public double threshold() {
    return threshold(method);
  }

  /** {@code which} method's flagging score: the one with the best F1 on validation. */
  public double threshold(AnomalyMethod which) {
    return thresholds.get(which);
  }

  /** The kept method's scores, 0-1, of one tick's full {@code node-failure} feature rows. */
  public double[] scores(List<double[]> tick) {
    return scores(method, tick);
  }

  /** {@code which} method's scores, 0-1, of one tick's feature rows. */
  public double[] scores(AnomalyMethod which, List<double[]> tick) {
    List<double[]> inputs = new ArrayList<>(tick.size());
    for (double[] row : tick) {
      inputs.add(AnomalyInputs.select(row));
    }
    return scoreInputs(which, inputs);
  }

  /** {@code which} method's scores, 0-1, of one tick's rows of {@link AnomalyInputs}. */
  double[] scoreInputs(AnomalyMethod which, List<double[]> inputs) {
    double[] raw = which == AnomalyMethod.PEER_ZSCORE ? peers.raw(inputs) : svm.raw(inputs);
    ScoreCdf cdf = cdfs.get(which);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = cdf.apply(raw[i]);
    }
    return raw;
  }
}
