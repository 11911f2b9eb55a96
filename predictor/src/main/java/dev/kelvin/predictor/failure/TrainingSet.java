package dev.kelvin.predictor.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The Tribuo dataset a failure model learns from. Failures are rare, so the classes are
 * balanced by weight: the negatives' weights (each already standing for the negatives a source
 * sampled away) are scaled so that they sum to the positives' weight, and then every weight so
 * that the mean is 1. A training part larger than the cap keeps every positive and a random
 * share of the negatives, their weights raised to match. Only the ranking learned here
 * matters; the probability is calibrated afterwards on the unbalanced validation part.
 */
final class TrainingSet {
  private TrainingSet() {}

  static MutableDataset<Label> of(List<FailureExample> training, FailureEncoding encoding,
      int maxExamples, long seed, String description) {
    List<FailureExample> kept = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    long positives = training.stream().filter(FailureExample::label).count();
    long negatives = training.size() - positives;
    double keep = negatives == 0 ? 1
        : Math.min(1, Math.max(0, maxExamples - positives) / (double) negatives);
    SplittableRandom random = new SplittableRandom(seed);
    double positiveWeight = 0;
    double negativeWeight = 0;
    for (FailureExample example : training) {
      if (example.label()) {
        kept.add(example);
        weights.add(example.weight());
        positiveWeight += example.weight();
      } else if (random.nextDouble() < keep) {
        kept.add(example);
        weights.add(example.weight() / keep);
        negativeWeight += example.weight() / keep;
      }
    }
    double negativeScale = negativeWeight > 0 ? positiveWeight / negativeWeight : 1;
    double mean = (positiveWeight + negativeWeight * negativeScale) / kept.size();
    MutableDataset<Label> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance(description, new LabelFactory()), new LabelFactory());
    for (int i = 0; i < kept.size(); i++) {
      FailureExample example = kept.get(i);
      double weight = weights.get(i) * (example.label() ? 1 : negativeScale) / mean;
      dataset.add(encoding.labelled(example.features(), example.label(), (float) weight));
    }
    return dataset;
  }
}
