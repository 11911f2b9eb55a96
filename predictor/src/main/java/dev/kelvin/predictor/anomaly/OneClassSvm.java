package dev.kelvin.predictor.anomaly;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import libsvm.svm;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo's LibSVM one-class SVM (RBF kernel) over the inputs standardised with the training
 * medians and scales (an unknown input sits at its median). Trained without labels on a
 * sample of the training rows; its raw score is the negated decision value, so that higher is
 * more unusual, as for {@link PeerZScores}. {@link #GRID} is what the trainer tries.
 */
final class OneClassSvm {
  /**
   * The settings tried: nu (the share of training rows the SVM may leave outside its boundary)
   * and the RBF kernel's gamma (on standardised inputs), each pair as {@code {nu, gamma}}.
   */
  static final double[][] GRID = {{0.01, 0.2}, {0.01, 1}, {0.05, 0.2}, {0.05, 1}};
  private static final AnomalyFactory EVENTS = new AnomalyFactory();

  static {
    svm.svm_set_print_string_function(text -> { });
  }

  private final RobustScales scales;
  private final Model<Event> model;

  OneClassSvm(RobustScales scales, Model<Event> model) {
    this.scales = scales;
    this.model = model;
  }

  /**
   * Trains on {@code rows} of inputs.
   *
   * @param data what the rows come from (file and hash), for the model's provenance
   * @param setting one of {@link #GRID}
   */
  static OneClassSvm train(List<double[]> rows, RobustScales scales, String data, long seed,
      double[] setting) {
    MutableDataset<Event> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(data,
        OffsetDateTime.parse("1970-01-01T00:00:00Z"), EVENTS), EVENTS);
    for (double[] row : rows) {
      dataset.add(example(scales.standardise(row), AnomalyFactory.EXPECTED_EVENT));
    }
    SVMParameters<Event> parameters = new SVMParameters<>(
        new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
    parameters.setNu(setting[0]);
    parameters.setGamma(setting[1]);
    Model<Event> model = new LibSVMAnomalyTrainer(parameters, seed).train(dataset,
        Map.of());
    return new OneClassSvm(scales, model);
  }

  Model<Event> model() {
    return model;
  }

  /** The raw scores of rows of inputs, in one batch. */
  double[] raw(List<double[]> rows) {
    List<Example<Event>> examples = new ArrayList<>(rows.size());
    for (double[] row : rows) {
      examples.add(example(scales.standardise(row), AnomalyFactory.UNKNOWN_EVENT));
    }
    List<Prediction<Event>> predictions = model.predict(examples);
    double[] raw = new double[rows.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = -predictions.get(i).getOutput().getScore();
    }
    return raw;
  }

  private static ArrayExample<Event> example(double[] z, Event output) {
    return new ArrayExample<>(output, AnomalyInputs.NAMES.toArray(new String[0]), z);
  }
}
