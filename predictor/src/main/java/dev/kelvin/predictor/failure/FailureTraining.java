package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.eval.BinaryMetrics;
import dev.kelvin.predictor.model.ModelFile;
import java.util.List;

/**
 * What {@link FailureTrainer#train} did: the model file it wrote, the splits, how each
 * candidate scored on validation, and the calibration and threshold of the one kept.
 *
 * @param file the model file written
 * @param splits one split per source
 * @param candidates every algorithm tried, in the order tried
 * @param kept the algorithm kept (the best validation PR-AUC)
 * @param calibration the kept model's calibration, fitted on validation
 * @param validation the kept model's calibrated metrics on validation at the chosen threshold
 */
public record FailureTraining(ModelFile file, List<FailureSplit> splits,
    List<Candidate> candidates, FailureAlgorithm kept, PlattCalibration calibration,
    BinaryMetrics validation) {

  /**
   * One algorithm's result on the validation part.
   *
   * @param algorithm what was trained
   * @param validation its raw scores' metrics on validation (threshold 0.5)
   * @param trainingSeconds how long training took
   */
  public record Candidate(FailureAlgorithm algorithm, BinaryMetrics validation,
      double trainingSeconds) {}

  /** The decision threshold on the calibrated probability. */
  public double threshold() {
    return validation.threshold();
  }
}
