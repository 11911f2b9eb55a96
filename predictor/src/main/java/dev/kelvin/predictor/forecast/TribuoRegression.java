package dev.kelvin.predictor.forecast;

import dev.kelvin.predictor.model.ProvenanceHash;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.kelvin.predictor.features.PowerFeatureVector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.BinningTransformation;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Where the forecaster meets Tribuo's training API. The regression target is the change of
 * power over the horizon, so a model that learns nothing still forecasts persistence.
 *
 * <p>CART sees each feature through 64 equal-frequency bins fitted on the training data
 * (Tribuo's {@code BinningTransformation}, applied again at prediction). Tribuo's exact CART
 * tries every distinct value as a split, which is quadratic in the examples: on 22,000
 * examples (depth 4, three seeds) exact took 18-23 s and binned 0.2-0.4 s, with held-out RMSE
 * as good or better binned; on 88,000 examples exact did not finish in 10 minutes.
 *
 * <p>The model sees every feature of {@link PowerFeatureVector}: power, utilisation and cap,
 * and no temperature. Temperatures were tried and left out: in the simulator they follow past
 * power and each node's inlet air, and a tree that saw them learned node identities from inlet
 * temperature and lost to persistence on one seed in four (-10 % RMSE); without them it gained
 * 17-19 %.
 *
 * <p>The model version is a {@link ProvenanceHash} of the model's provenance: the dataset
 * provenance, which names a SHA-256 of every training example, the trainer's configuration
 * with its seed, and the forecast settings.
 */
final class TribuoRegression {
  static final String OUTPUT_NAME = "power_change_w";
  static final int CART_MAX_DEPTH = 3;
  static final int CART_BINS = 64;
  private static final RegressionFactory FACTORY = new RegressionFactory();

  private TribuoRegression() {}

  static RegressionModel train(List<LabelledExample> training, ForecastAlgorithm algorithm,
      ForecastSettings settings) {
    MutableDataset<Regressor> dataset = dataset(training);
    Map<String, Provenance> run = Map.of(
        "horizon", new StringProvenance("horizon", settings.horizon().toString()),
        "window", new StringProvenance("window", settings.window().toString()),
        "test-fraction", new DoubleProvenance("test-fraction", settings.testFraction()),
        "target", new StringProvenance("target", OUTPUT_NAME));
    Model<Regressor> model;
    try {
      model = trainer(algorithm, settings.seed()).train(dataset, run);
    } catch (RuntimeException e) {
      throw new IllegalStateException("training the " + algorithm + " power model on "
          + training.size() + " examples failed inside Tribuo: " + e.getMessage()
          + " (a history unlike any tested; report it with its size and settings)", e);
    }
    String version = "power-" + algorithm.shortName() + "-"
        + ProvenanceHash.of(model.getProvenance()).substring(0, 8).toLowerCase(Locale.ROOT);
    return new RegressionModel(model, version);
  }

  /** A Tribuo example of {@code features}; {@code changeWatts} is NaN when unknown. */
  static ArrayExample<Regressor> example(PowerFeatureVector features, double changeWatts) {
    Regressor output = Double.isNaN(changeWatts) ? RegressionFactory.UNKNOWN_REGRESSOR
        : new Regressor(OUTPUT_NAME, changeWatts);
    return new ArrayExample<>(output, FeatureNames.ARRAY, features.toArray());
  }

  private static MutableDataset<Regressor> dataset(List<LabelledExample> training) {
    Instant last = training.get(training.size() - 1).at();
    SimpleDataSourceProvenance source = new SimpleDataSourceProvenance(
        "kelvin power history, examples sha256 " + dataHash(training),
        OffsetDateTime.ofInstant(last, ZoneOffset.UTC), FACTORY);
    MutableDataset<Regressor> dataset = new MutableDataset<>(source, FACTORY);
    for (LabelledExample example : training) {
      dataset.add(example(example.features(),
          example.labelWatts() - example.features().powerWatts()));
    }
    return dataset;
  }

  static Trainer<Regressor> trainer(ForecastAlgorithm algorithm, long seed) {
    if (algorithm == ForecastAlgorithm.CART) {
      CARTRegressionTrainer cart = new CARTRegressionTrainer(CART_MAX_DEPTH, 5f, 0f, 1f, false,
          new MeanSquaredError(), seed);
      return new TransformTrainer<>(cart,
          new TransformationMap(List.of(BinningTransformation.equalFrequency(CART_BINS))));
    } else if (algorithm == ForecastAlgorithm.LINEAR_SGD) {
      LinearSGDTrainer sgd = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.5, 1e-6),
          10, -1, 1, seed);
      return new TransformTrainer<>(sgd,
          new TransformationMap(List.of(new MeanStdDevTransformation())));
    }
    throw new AssertionError(algorithm);
  }

  private static String dataHash(List<LabelledExample> examples) {
    MessageDigest digest = sha256();
    ByteBuffer buffer = ByteBuffer.allocate(8 * (PowerFeatureVector.NAMES.size() + 4));
    for (LabelledExample example : examples) {
      digest.update(example.node().toString().getBytes(StandardCharsets.UTF_8));
      buffer.clear();
      buffer.putLong(example.at().getEpochSecond()).putLong(example.at().getNano());
      for (double value : example.features().toArray()) {
        buffer.putDouble(value);
      }
      buffer.putLong(example.labelAt().toEpochMilli()).putDouble(example.labelWatts());
      digest.update(buffer.array(), 0, buffer.position());
    }
    return ProvenanceUtil.bytesToHexString(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256, which every Java SE has", e);
    }
  }

  /** The feature names as the array Tribuo's examples take. */
  private static final class FeatureNames {
    static final String[] ARRAY = PowerFeatureVector.NAMES.toArray(new String[0]);
  }
}
