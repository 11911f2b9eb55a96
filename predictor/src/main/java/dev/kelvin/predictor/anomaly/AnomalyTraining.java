package dev.kelvin.predictor.anomaly;

import dev.kelvin.predictor.model.ModelFile;
import java.util.Map;

/**
 * What training wrote and found.
 *
 * @param validationRocAuc each method's ROC-AUC on the validation ticks
 * @param rows the training rows read
 * @param ticks the ticks they span
 */
public record AnomalyTraining(ModelFile file, AnomalyMethod kept,
    Map<AnomalyMethod, Double> validationRocAuc, int rows, int ticks) {
  public AnomalyTraining {
    validationRocAuc = Map.copyOf(validationRocAuc);
  }
}
