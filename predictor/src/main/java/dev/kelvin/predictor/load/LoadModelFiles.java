package dev.kelvin.predictor.load;

import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import dev.kelvin.predictor.model.ModelMeta;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a trained load forecaster as one model file of kind {@code load}: one Tribuo model
 * holds every horizon (one output dimension each), and the meta records the step, the
 * horizons, how missing features are encoded, and the validation figures of each candidate.
 */
public final class LoadModelFiles {
  private LoadModelFiles() {}

  /**
   * Writes {@code training} to {@code file}.
   *
   * @param data the data paths as given to {@code kelvin train load}
   * @param dataSha256 the SHA-256 over the data files' bytes
   */
  public static ModelFile write(Path file, LoadTraining training, String data,
      String dataSha256) {
    LoadHorizons horizons = training.model().horizons();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(LoadModel.STEP, horizons.step().toString());
    settings.put(LoadModel.HORIZONS, horizons.horizons().stream().map(Duration::toString)
        .collect(Collectors.joining(",")));
    settings.put(LoadModel.MISSING_INDICATORS, String.valueOf(training.algorithm()
        .missingIndicators()));
    settings.put("target", "change from the last value over the horizon, divided by the mean"
        + " absolute one-step change of the last " + LoadFeatures.WINDOW + " steps");
    settings.put("examples", String.valueOf(training.examples()));
    settings.put("validation_from", training.validationFrom().toString());
    training.validation().forEach((algorithm, scores) -> {
      for (int h = 0; h < horizons.count(); h++) {
        settings.put("validation_mase." + algorithm.shortName() + "." + horizons.key(h),
            String.format(Locale.ROOT, "%.4f", scores.mase(h)));
      }
    });
    ModelMeta meta = new ModelMeta(ModelKind.LOAD, LoadFeatures.featureSet(horizons),
        training.algorithm().shortName(), data, dataSha256, training.trainedFrom(),
        training.trainedUntil(), settings);
    return ModelFile.write(file, training.model().tribuo(), meta);
  }
}
