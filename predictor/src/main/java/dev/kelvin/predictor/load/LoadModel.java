package dev.kelvin.predictor.load;

import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelFileException;
import dev.kelvin.predictor.model.ModelKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;

/**
 * A trained load forecaster: a Tribuo regression with one output per horizon, each the change
 * from the anchor's value in units of its scale. Forecasts are made for a batch of anchors in
 * one call, and never fall below 0. Thread-safe (Tribuo models predict concurrently).
 */
public final class LoadModel {
  static final String STEP = "step";
  static final String HORIZONS = "horizons";
  static final String MISSING_INDICATORS = "missing_indicators";

  private final Model<Regressor> model;
  private final LoadHorizons horizons;
  private final boolean missingIndicators;
  private final String version;
  private final List<String> names;
  private final String[] outputs;

  LoadModel(Model<Regressor> model, LoadHorizons horizons, boolean missingIndicators,
      String version) {
    this.model = Objects.requireNonNull(model, "model");
    this.horizons = Objects.requireNonNull(horizons, "horizons");
    this.missingIndicators = missingIndicators;
    this.version = Objects.requireNonNull(version, "version");
    this.names = LoadFeatures.names(horizons);
    this.outputs = TribuoLoad.outputs(horizons);
  }

  /**
   * The forecaster in {@code file}, checked: a load model, of the features this Kelvin
   * computes for its horizons, predicting a change for each of them.
   *
   * @throws ModelFileException naming the file and what does not fit
   */
  public static LoadModel of(ModelFile file) {
    file.requireKind(ModelKind.LOAD);
    LoadHorizons horizons;
    try {
      Duration step = Duration.parse(file.meta().setting(STEP));
      List<Duration> list = Arrays.stream(file.meta().setting(HORIZONS).split(","))
          .map(String::strip).map(Duration::parse).toList();
      horizons = new LoadHorizons(step, list);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ModelFileException(file.path(), "bad step or horizons: " + e.getMessage(), e);
    }
    file.requireFeatures(LoadFeatures.featureSet(horizons));
    Model<Regressor> model = file.as(Regressor.class);
    List<String> dimensions = new ArrayList<>();
    model.getOutputIDInfo().getDomain().forEach(r -> dimensions.addAll(List.of(r.getNames())));
    for (String output : TribuoLoad.outputs(horizons)) {
      if (!dimensions.contains(output)) {
        throw new ModelFileException(file.path(), "its model predicts " + dimensions
            + ", not " + output + " (trained for other horizons?)");
      }
    }
    boolean indicators = Boolean.parseBoolean(file.meta().setting(MISSING_INDICATORS));
    return new LoadModel(model, horizons, indicators, file.version());
  }

  public LoadHorizons horizons() {
    return horizons;
  }

  public String version() {
    return version;
  }

  Model<Regressor> tribuo() {
    return model;
  }

  /**
   * The forecast level of each anchor at each horizon: {@code [anchor][horizon]}, in the
   * series' own unit, at least 0.
   */
  public double[][] forecast(List<LoadAnchor> anchors) {
    if (anchors.isEmpty()) {
      return new double[0][];
    }
    List<Example<Regressor>> examples = new ArrayList<>(anchors.size());
    for (LoadAnchor anchor : anchors) {
      examples.add(TribuoLoad.example(anchor, names, outputs, null, missingIndicators));
    }
    List<Prediction<Regressor>> predictions = model.predict(examples);
    double[][] levels = new double[anchors.size()][horizons.count()];
    for (int a = 0; a < anchors.size(); a++) {
      Regressor output = predictions.get(a).getOutput();
      for (int h = 0; h < horizons.count(); h++) {
        double change = output.getDimension(outputs[h]).orElseThrow().getValue();
        levels[a][h] = anchors.get(a).level(change);
      }
    }
    return levels;
  }
}
