package dev.kelvin.predictor.failure;

import java.util.List;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** A Tribuo failure model's raw probability of {@code fail}, predicted in batches. */
final class FailureScores {
  static final int BATCH = 8192;

  private FailureScores() {}

  static double[] raw(Model<Label> model, FailureEncoding encoding, List<double[]> rows) {
    double[] scores = new double[rows.size()];
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<double[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
      List<Prediction<Label>> predictions = model.predict(encoding.unlabelled(batch));
      for (int i = 0; i < predictions.size(); i++) {
        Label fail = predictions.get(i).getOutputScores().get(FailureEncoding.FAIL);
        scores[from + i] = fail == null ? 0 : fail.getScore();
      }
    }
    return scores;
  }
}
