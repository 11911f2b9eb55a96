package dev.kelvin.predictor.anomaly;

import dev.kelvin.predictor.model.ModelFile;
import java.util.Map;

/**
 * What training wrote and found.
 *
 * @param kept the method the model scores with
 * @param chosenBy whether the operator named {@code kept} or validation chose it
 * @param validationRocAuc each method's ROC-AUC on the validation ticks
 * @param validationThreshold each method's flagging score (0-1), the best F1 on validation
 * @param rows the training rows read
 * @param ticks the ticks they span
 */
public record AnomalyTraining(ModelFile file, AnomalyMethod kept, MethodChoice chosenBy,
    Map<AnomalyMethod, Double> validationRocAuc, Map<AnomalyMethod, Double> validationThreshold,
    int rows, int ticks) {
  public AnomalyTraining {
    validationRocAuc = Map.copyOf(validationRocAuc);
    validationThreshold = Map.copyOf(validationThreshold);
  }
}
