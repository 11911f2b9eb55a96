package dev.kelvin.predictor.load;

import dev.kelvin.datasets.load.LoadSeries;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;

/** Series and model files for the load tests. */
final class LoadFixtures {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String SHA = "ab".repeat(32);

  private LoadFixtures() {}

  static LoadSeries series(String trace, Duration step, double... values) {
    return LoadSeries.of(trace, trace, "W", START, step, ZoneOffset.UTC, values);
  }

  /**
   * A load with a daily cycle, a slowly wandering level and noise that decays back: what a
   * model can learn and persistence cannot, {@code days} long at 5 minutes.
   */
  static LoadSeries daily(String trace, String name, int days, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[days * 288];
    double burst = 0;
    for (int i = 0; i < values.length; i++) {
      burst = 0.7 * burst + (random.nextDouble() < 0.1 ? 40 * random.nextDouble() : 0);
      double cycle = 100 + 60 * Math.sin(2 * Math.PI * (i % 288) / 288.0);
      values[i] = cycle + burst + 5 * random.nextGaussian();
    }
    return LoadSeries.of(trace, name, "W", START, Duration.ofMinutes(5), ZoneOffset.UTC, values);
  }

  /**
   * A model file that forecasts no change at every horizon: persistence, so that what a test
   * sees is what it fed in.
   */
  static ModelFile persistenceFile(Path file, LoadHorizons horizons) {
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance("test", factory), factory);
    List<String> names = LoadFeatures.names(horizons);
    double[] ones = new double[names.size()];
    Arrays.fill(ones, 1);
    double[] zeros = new double[horizons.count()];
    dataset.add(new ArrayExample<>(new Regressor(TribuoLoad.outputs(horizons), zeros),
        names.toArray(String[]::new), ones));
    return ModelFile.write(file, DummyRegressionTrainer.createConstantTrainer(0).train(dataset),
        meta(horizons, LoadFeatures.featureSet(horizons)));
  }

  static ModelMeta meta(LoadHorizons horizons, dev.kelvin.predictor.model.FeatureSet features) {
    return new ModelMeta(ModelKind.LOAD, features, "constant", "test", SHA, START,
        START.plus(Duration.ofDays(1)), Map.of(
            LoadModel.STEP, horizons.step().toString(),
            LoadModel.HORIZONS, horizons.horizons().stream().map(Duration::toString)
                .collect(Collectors.joining(",")),
            LoadModel.MISSING_INDICATORS, "false"));
  }
}
