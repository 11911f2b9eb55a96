package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.model.FeatureSet;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A failure model file ready to score: feature rows in, calibrated probabilities that the node
 * fails within {@link #horizon()} out, predicted in one batch per call with the encoding that
 * training used. Evaluation and serving both score through it. Checking the feature set against
 * the one the caller computes is the caller's part ({@link ModelFile#requireFeatures}).
 * Thread-safe: Tribuo's models predict concurrently.
 */
public final class FailureModel {
  private final ModelFile file;
  private final Model<Label> model;
  private final FailureEncoding encoding;
  private final PlattCalibration calibration;
  private final Duration horizon;
  private final double threshold;

  private FailureModel(ModelFile file, Model<Label> model, PlattCalibration calibration,
      Duration horizon, double threshold) {
    this.file = file;
    this.model = model;
    this.encoding = new FailureEncoding(file.meta().features());
    this.calibration = calibration;
    this.horizon = horizon;
    this.threshold = threshold;
  }

  /**
   * The model of {@code file}.
   *
   * @throws ModelFileException when it is not a failure model, or its settings lack or garble
   *     the horizon, threshold, calibration or encoding
   */
  public static FailureModel of(ModelFile file) {
    Objects.requireNonNull(file, "file");
    file.requireKind(ModelKind.FAILURE);
    Model<Label> model = file.as(Label.class);
    Map<String, String> settings = file.meta().settings();
    try {
      if (!FailureEncoding.NAME.equals(settings.get(FailureSettings.ENCODING))) {
        throw new IllegalArgumentException("encoding '" + settings.get(FailureSettings.ENCODING)
            + "' is not " + FailureEncoding.NAME);
      }
      return new FailureModel(file, model, PlattCalibration.fromSettings(settings),
          Duration.parse(file.meta().setting(FailureSettings.HORIZON)),
          Double.parseDouble(file.meta().setting(FailureSettings.THRESHOLD)));
    } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
      throw new ModelFileException(file.path(), "bad failure model settings: " + e.getMessage()
          + " (written by another Kelvin, or edited by hand?)", e);
    }
  }

  public ModelFile file() {
    return file;
  }

  public FeatureSet features() {
    return file.meta().features();
  }

  /** How far ahead a probability looks. */
  public Duration horizon() {
    return horizon;
  }

  /** The calibrated probability at or above which a node is flagged. */
  public double threshold() {
    return threshold;
  }

  /** The end of what training saw from {@code source}, when the model was trained on it. */
  public Optional<Instant> until(String source) {
    String value = file.meta().settings().get(FailureSettings.UNTIL + source);
    return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
  }

  /**
   * The calibrated probability of each row, rows in {@link #features()} order with NaN where a
   * value is unknown.
   */
  public double[] probabilities(List<double[]> rows) {
    double[] scores = FailureScores.raw(model, encoding, rows);
    for (int i = 0; i < scores.length; i++) {
      scores[i] = calibration.apply(scores[i]);
    }
    return scores;
  }
}
