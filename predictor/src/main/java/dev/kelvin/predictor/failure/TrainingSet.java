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
 * that the mean is 1. A training part larger than the cap keeps a random share of each class,
 * their weights raised to match: the positives up to half the cap, the negatives up to the rest.
 * Only the ranking learned here matters; the probability is calibrated afterwards on the
 * unbalanced validation part.
 */
final class TrainingSet {
  private TrainingSet() {}

  static MutableDataset<Label> of(List<FailureExample> training, FailureEncoding encoding,
      int maxExamples, long seed, String description) {
    List<FailureExample> kept = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    long positives = training.stream().filter(FailureExample::label).count();
    long negatives = training.size() - positives;
    double keepPositive = Math.min(1, maxExamples / 2.0 / Math.max(1, positives));
    double keepNegative = Math.min(1, (maxExamples - Math.min(positives, maxExamples / 2.0))
        / Math.max(1, negatives));
    SplittableRandom random = new SplittableRandom(seed);
    double positiveWeight = 0;
    double negativeWeight = 0;
    for (FailureExample example : training) {
      double keep = example.label() ? keepPositive : keepNegative;
      if (keep < 1 && random.nextDouble() >= keep) {
        continue;
      }
      kept.add(example);
      weights.add(example.weight() / keep);
      if (example.label()) {
        positiveWeight += example.weight() / keep;
      } else {
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
